import { getFormatter, getTranslations } from 'next-intl/server';
import type { LatentPipeline } from '@/lib/security-watch/latent-pipeline';
import { tableClass, numericClass } from '@/components/ui/table';
import { HromadaName } from '../names/hromada-name';


/** For facilitators: open needs that only security keeps from every company that would fit, by sector and oblast, with their budgets in EUR. */
export async function LatentPipelineView({ latent }: { latent: LatentPipeline }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const eur = (value: number) => format.number(value, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  if (latent.needs === 0) return <p className="text-muted">{t('securityWatch.latent.none')}</p>;
  const head = (
    <>
      <th scope="col" className={numericClass}>{t('securityWatch.latent.needs')}</th>
      <th scope="col" className={numericClass}>{t('securityWatch.latent.budget')}</th>
      <th scope="col" className={numericClass}>{t('securityWatch.latent.withoutBudget')}</th>
    </>
  );
  const cells = (row: { needs: number; budgetEur: number; withoutBudget: number }) => (
    <>
      <td data-label={t('securityWatch.latent.needs')} className={numericClass}>{format.number(row.needs)}</td>
      <td data-label={t('securityWatch.latent.budget')} className={numericClass}>{eur(row.budgetEur)}</td>
      <td data-label={t('securityWatch.latent.withoutBudget')} className={numericClass}>{format.number(row.withoutBudget)}</td>
    </>
  );
  return (
    <div data-testid="latent-pipeline">
      <p>{t('securityWatch.latent.summary', { needs: latent.needs, budget: eur(latent.budgetEur), companies: latent.companiesWaiting })}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <table className={tableClass}>
          <caption className="text-left font-semibold">{t('securityWatch.latent.bySector')}</caption>
          <thead><tr><th scope="col">{t('needs.sector')}</th>{head}</tr></thead>
          <tbody>
            {latent.bySector.map((row) => (
              <tr key={row.sector}><th scope="row" data-label={t('needs.sector')}>{t(`sector.${row.sector}`)}</th>{cells(row)}</tr>
            ))}
          </tbody>
        </table>
        <table className={tableClass}>
          <caption className="text-left font-semibold">{t('securityWatch.latent.byOblast')}</caption>
          <thead><tr><th scope="col">{t('securityWatch.latent.oblast')}</th>{head}</tr></thead>
          <tbody>
            {latent.byOblast.map((row) => (
              <tr key={row.oblastCode}><th scope="row" data-label={t('securityWatch.latent.oblast')}><HromadaName nameUk={row.nameUk} nameEn={row.nameEn} /></th>{cells(row)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
