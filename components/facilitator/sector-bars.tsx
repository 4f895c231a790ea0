import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';

// The dashboard's two bars per sector (open needs, companies) with the legend that says which is
// which. Each bar is an image with its own label, so a screen reader hears "Open needs: 3"
// rather than nothing; the legend's swatches use the bars' own classes, so they cannot drift.

const SERIES = {
  openNeeds: 'h-3 bg-accent',
  companies: 'h-2 bg-muted',
} as const;
type Series = keyof typeof SERIES;

export function ChartLegend() {
  const t = useTranslations('dashboard');
  return (
    <span data-testid="sector-chart-legend" className="flex flex-wrap gap-x-4 gap-y-1 font-normal">
      {(Object.keys(SERIES) as Series[]).map((series) => (
        <span key={series} className="inline-flex items-center gap-1.5 whitespace-nowrap">
          <span aria-hidden="true" className={cn('inline-block w-4 rounded-sm', SERIES[series])} />
          {t(series)}
        </span>
      ))}
    </span>
  );
}

export function SectorBar({ value, of, series, label }: { value: number; of: number; series: Series; label: string }) {
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-series={series}
      className={cn('block rounded-sm', SERIES[series], series === 'companies' && 'mt-0.5', value > 0 && 'min-w-0.5')}
      style={{ width: `${(value / of) * 100}%` }}
    />
  );
}
