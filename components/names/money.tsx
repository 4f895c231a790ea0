import { useFormatter, useTranslations } from 'next-intl';

/** An amount in its own currency, formatted the reader's way; a dash when unknown. */
export function Money({ amount, currency }: { amount: number | string | { toString(): string } | null; currency: string | null }) {
  const format = useFormatter();
  const t = useTranslations('common');
  if (amount === null || currency === null) return <span>{t('unknown')}</span>;
  return <span className="whitespace-nowrap tabular-nums">{format.number(Number(amount.toString()), { style: 'currency', currency, maximumFractionDigits: 0 })}</span>;
}
