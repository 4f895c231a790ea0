import { useTranslations } from 'next-intl';
import { writtenKey, type Readable } from '@/lib/content/types';
import { Link } from '@/lib/i18n/link';
import { WrittenLink } from '../content/written-link';
import type { PublicNeed } from '@/lib/needs/public-needs';
import type { ListInForce } from '@/lib/hostility-list/list-in-force';
import { HostilityBadge } from '../hromadas/hostility-badge';
import { HromadaName } from '../names/hromada-name';
import { Money } from '../names/money';
import { tableClass } from '@/components/ui/table';

/** `titles`: the needs' titles in the reader's language (readForReaderByKey), else as written. */
export function NeedTable({ needs, titles, list }: { needs: PublicNeed[]; titles?: ReadonlyMap<string, Readable>; list?: ListInForce | null }) {
  const t = useTranslations();
  if (needs.length === 0) return <p className="text-muted">{t('needs.none')}</p>;
  return (
    <table className={tableClass} aria-label={t('needs.title')}>
      <thead>
        <tr>
          <th scope="col">{t('needs.need')}</th>
          <th scope="col">{t('needs.hromada')}</th>
          <th scope="col">{t('needs.hostilityStatus')}</th>
          <th scope="col">{t('needs.sector')}</th>
          <th scope="col">{t('needs.stage')}</th>
          <th scope="col">{t('needs.urgency')}</th>
          <th scope="col" className="numeric">{t('needs.budget')}</th>
        </tr>
      </thead>
      <tbody>
        {needs.map((need) => (
          <tr key={need.id}>
            <td data-label={t('needs.need')}><TitleLink need={need} title={titles?.get(writtenKey({ subject: 'NEED', subjectId: need.id, field: 'title' }))} /></td>
            <td data-label={t('needs.hromada')}>
              <HromadaName nameUk={need.hromada.nameUk} nameEn={need.hromada.nameEn} />
              <div className="text-sm text-muted"><HromadaName nameUk={need.hromada.oblast.nameUk} nameEn={need.hromada.oblast.nameEn} /></div>
            </td>
            <td data-label={t('needs.hostilityStatus')}><HostilityBadge status={need.hromada.hostilityStatus} scope={need.hromada.hostilityScope} list={list} /></td>
            <td data-label={t('needs.sector')}>{t(`sector.${need.sector}`)}</td>
            <td data-label={t('needs.stage')}>{t(`stage.${need.stage}`)}</td>
            <td data-label={t('needs.urgency')}>{t(`urgency.${need.urgency}`)}</td>
            <td data-label={t('needs.budget')} className="numeric"><Money amount={need.budgetAmount} currency={need.budgetCurrency} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TitleLink({ need, title }: { need: PublicNeed; title?: Readable }) {
  return title ? <WrittenLink href={`/needs/${need.id}`} value={title} /> : <Link href={`/needs/${need.id}`} lang={need.language}>{need.title}</Link>;
}
