import { useTranslations } from 'next-intl';

// The dashboard's two bars per sector (open needs, companies) with the legend that says which is
// which. Each bar is an image with its own label, so a screen reader hears "Open needs: 3"
// rather than nothing; the colours are the legend's, written here once for both.

const SERIES = {
  openNeeds: { colour: '#0b5cad', height: '0.75rem' },
  companies: { colour: '#5b6478', height: '0.5rem' },
} as const;
type Series = keyof typeof SERIES;

function Swatch({ series }: { series: Series }) {
  return (
    <span
      aria-hidden="true"
      style={{ display: 'inline-block', width: '1rem', height: SERIES[series].height, background: SERIES[series].colour, borderRadius: '0.2rem', marginRight: '0.3rem', verticalAlign: 'middle' }}
    />
  );
}

export function ChartLegend() {
  const t = useTranslations('dashboard');
  return (
    <span data-testid="sector-chart-legend" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.2rem 1rem', fontWeight: 'normal' }}>
      <span><Swatch series="openNeeds" />{t('openNeeds')}</span>
      <span><Swatch series="companies" />{t('companies')}</span>
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
      style={{
        display: 'block', width: `${(value / of) * 100}%`, minWidth: value > 0 ? '2px' : 0, height: SERIES[series].height,
        background: SERIES[series].colour, borderRadius: '0.25rem', marginTop: series === 'companies' ? '0.2rem' : 0,
      }}
    />
  );
}
