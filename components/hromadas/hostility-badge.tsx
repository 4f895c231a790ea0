import { useLocale, useTranslations } from 'next-intl';
import type { HostilityScope, HostilityStatus } from '@/lib/generated/prisma/enums';
import type { ListInForce } from '@/lib/hostility-list/list-in-force';
import { badgeClass } from '@/components/ui/status-badge';
import { formatDay } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';

/**
 * The hromada's status on the official hostilities list, as a coloured badge. With `list` (the
 * order in force, lib/hostility-list/list-in-force.ts) the reader sees which order it comes from;
 * `showSource` writes that next to the badge rather than only in its tooltip.
 */
export function HostilityBadge({ status, scope, list, showSource = false }: {
  status: HostilityStatus;
  scope: HostilityScope | null;
  list?: Pick<ListInForce, 'orderNumber' | 'orderDate'> | null;
  showSource?: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale() as AppLocale;
  const source = list
    ? t('hostilityList.asOf', { number: list.orderNumber, date: formatDay(list.orderDate, locale) })
    : t('common.hostilitySource');
  return (
    <>
      <span className={badgeClass('hostility', status)} title={source}>
        {t(`hostility.${status}`)}
        {scope === 'PARTIAL' ? ` (${t('hostilityScope.PARTIAL')})` : ''}
      </span>
      {showSource && list ? <> <small className="text-sm text-muted" data-testid="hostility-source">{source}</small></> : null}
    </>
  );
}
