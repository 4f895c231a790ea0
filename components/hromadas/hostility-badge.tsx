import { useTranslations } from 'next-intl';
import type { HostilityScope, HostilityStatus } from '@/lib/generated/prisma/enums';

/** The hromada's status on the official hostilities list, as a coloured badge. */
export function HostilityBadge({ status, scope }: { status: HostilityStatus; scope: HostilityScope | null }) {
  const t = useTranslations();
  return (
    <span className={`badge hostility-${status.toLowerCase()}`} title={t('common.hostilitySource')}>
      {t(`hostility.${status}`)}
      {scope === 'PARTIAL' ? ` (${t('hostilityScope.PARTIAL')})` : ''}
    </span>
  );
}
