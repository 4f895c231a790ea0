import { getListInForceOnce, getReasonContext } from './reason-context';
import { formatDay } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';

/** The security reason rests on the hostilities list: which order it is read from. */
export async function SecurityAsOf({ criterion }: { criterion: string }) {
  if (criterion !== 'security') return null;
  const [context, list] = await Promise.all([getReasonContext(), getListInForceOnce()]);
  if (!list) return null;
  const date = formatDay(list.orderDate, context.locale as AppLocale);
  return <> <small className="text-sm text-muted" data-testid="security-as-of">({context.t('hostilityList.asOf', { number: list.orderNumber, date })})</small></>;
}
