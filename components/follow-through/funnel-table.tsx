import { getFormatter, getTranslations } from 'next-intl/server';
import type { FunnelMonth } from '@/lib/follow-through/funnel';
import { tableClass, numericClass } from '@/components/ui/table';

const COLUMNS = ['introduced', 'agreed', 'tenderPublished', 'awarded', 'contractSigned', 'delivered'] as const;

/** Introductions per month and how far each month's got: the follow-through funnel over time. */
export async function FunnelTable({ months }: { months: FunnelMonth[] }) {
  const [t, format] = await Promise.all([getTranslations('followThrough.funnel'), getFormatter()]);
  if (months.length === 0) return <p className="text-muted">{t('none')}</p>;
  return (
    <table className={tableClass} data-testid="follow-through-funnel">
      <thead>
        <tr>
          <th scope="col">{t('month')}</th>
          {COLUMNS.map((column) => <th key={column} scope="col" className={numericClass}>{t(column)}</th>)}
        </tr>
      </thead>
      <tbody>
        {months.map((row) => (
          <tr key={row.month}>
            <th scope="row" data-label={t('month')} className="whitespace-nowrap">
              {format.dateTime(new Date(`${row.month}-01T00:00:00Z`), { year: 'numeric', month: 'long', timeZone: 'UTC' })}
            </th>
            {COLUMNS.map((column) => <td key={column} data-label={t(column)} className={numericClass}>{format.number(row[column])}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
