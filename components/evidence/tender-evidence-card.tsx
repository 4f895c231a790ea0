import { getLocale, getTranslations } from 'next-intl/server';
import { badgeVariants } from '@/components/ui/badge';
import { publicRecordUrl, type TenderEvidenceView } from '@/lib/evidence/evidence-view';
import type { AppLocale } from '@/lib/i18n/routing';
import { dateTimeParts } from '@/lib/i18n/dates';
import { Money } from '../names/money';

// The published tender record of a need, as a facilitator checks it: where it was read, when,
// whether that worked, and what it says about the procedure, the money and who oversees it.

export async function TenderEvidenceCard({ evidence }: { evidence: TenderEvidenceView[] }) {
  const [t, tTime, locale] = await Promise.all([getTranslations('evidence'), getTranslations('time'), getLocale() as Promise<AppLocale>]);
  const when = (date: Date | null) => (date ? tTime('at', dateTimeParts(date, locale)) : '—');
  const parties = (list: { name: string; id: string | null }[]) =>
    list.length ? list.map((party) => (party.id ? `${party.name} (${party.id})` : party.name)).join('; ') : t('nothing');
  return (
    <section aria-labelledby="tender-evidence" data-testid="tender-evidence">
      <h2 id="tender-evidence">{t('title')}</h2>
      {evidence.length === 0 ? <p className="text-muted">{t('none')}</p> : evidence.map((record) => {
        const link = publicRecordUrl(record);
        const money = record.valueAmount !== null && record.valueCurrency && /^[A-Z]{3}$/.test(record.valueCurrency)
          ? <Money amount={record.valueAmount} currency={record.valueCurrency} />
          : t('notPublished');
        return (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 rounded-lg border border-line bg-paper px-4 py-4 sm:grid-cols-[max-content_minmax(0,1fr)] sm:px-5 [&_dd]:m-0 [&_dd]:mb-2 sm:[&_dd]:mb-0" key={record.id}>
            <dt>{t('labels.source')}</dt><dd>{t(`source.${record.source}`)}</dd>
            <dt>{t('labels.ocid')}</dt><dd>{link ? <a href={link} rel="noopener noreferrer">{record.ocid}</a> : record.ocid}</dd>
            <dt>{t('labels.status')}</dt><dd><span className={badgeVariants()} data-testid="evidence-status">{t(`status.${record.status}`)}</span></dd>
            {record.statusDetail ? <><dt>{t('labels.detail')}</dt><dd>{record.statusDetail}</dd></> : null}
            <dt>{t('labels.fetchedAt')}</dt><dd>{when(record.fetchedAt)}</dd>
            <dt>{t('labels.verifiedAt')}</dt><dd>{when(record.verifiedAt)}</dd>
            {record.verifiedAt ? <>
              <dt>{t('labels.procedure')}</dt>
              <dd>{t(`procedure.${record.procurementMethod && ['open', 'selective', 'limited', 'direct'].includes(record.procurementMethod) ? record.procurementMethod : 'none'}`)}{record.procurementMethodDetails ? ` (${record.procurementMethodDetails})` : ''}</dd>
              <dt>{t('labels.tenderStatus')}</dt><dd>{record.tenderStatus ?? t('notPublished')}</dd>
              <dt>{t('labels.value')}</dt><dd>{money}</dd>
              <dt>{t('labels.bids')}</dt><dd>{record.numberOfTenderers ?? t('notPublished')}</dd>
              <dt>{t('labels.buyer')}</dt><dd>{record.buyerName ?? t('notPublished')}{record.buyerId ? ` (${record.buyerId})` : ''}</dd>
              <dt>{t('labels.funders')}</dt><dd>{parties(record.funders)}</dd>
              <dt>{t('labels.monitoring')}</dt><dd>{parties(record.monitoring)}</dd>
              <dt>{t('labels.published')}</dt><dd>{when(record.publishedDate)}</dd>
            </> : null}
            {record.schemaWarnings.length ? <><dt>{t('labels.warnings')}</dt><dd className="text-sm text-muted">{record.schemaWarnings.join('; ')}</dd></> : null}
          </dl>
        );
      })}
    </section>
  );
}
