import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { formatDay } from '@/lib/i18n/dates';
import { readerEquivalents, roundEstimate } from '@/lib/i18n/money';
import type { AppLocale } from '@/lib/i18n/routing';
import type { ReferenceRate } from '@/lib/matching/currency';

type Amount = number | string | { toString(): string } | null;

/**
 * An amount in its own currency, formatted the reader's way, then "≈" its value in the reader's
 * currencies (lib/i18n/money.ts): an estimate at the dated reference rates the ranking uses too,
 * which the title and the screen-reader text name. A dash when unknown.
 */
export function Money({ amount, currency }: { amount: Amount; currency: string | null }) {
  const format = useFormatter();
  const locale = useLocale() as AppLocale;
  const t = useTranslations();
  if (amount === null || currency === null) return <span>{t('common.unknown')}</span>;
  const value = Number(amount.toString());
  const money = (n: number, code: string) => format.number(n, { style: 'currency', currency: code, maximumFractionDigits: 0 });
  const rateText = (rate: ReferenceRate) => t(`money.rate${rate.source}`, { date: formatDay(new Date(`${rate.date}T00:00:00Z`), locale) });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return (
    <span data-testid="money">
      <span className="whitespace-nowrap tabular-nums">{money(value, currency)}</span>
      {readerEquivalents(value, currency, locale).map((equivalent) => {
        const note = t('money.estimate', { rates: list.format(equivalent.rates.map(rateText)) });
        return (
          <span key={equivalent.currency} className="text-muted" data-testid="money-estimate" title={note}>
            {' '}
            <span className="whitespace-nowrap tabular-nums">{t('money.approx', { amount: money(roundEstimate(equivalent.amount), equivalent.currency) })}</span>
            <span className="sr-only"> ({note})</span>
          </span>
        );
      })}
    </span>
  );
}
