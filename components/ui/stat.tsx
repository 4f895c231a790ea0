import { useFormatter } from 'next-intl';

export function Stat({ label, value, hint }: { label: string; value: number; hint?: string }) {
  const format = useFormatter();
  return (
    <div className="stat min-w-0 rounded-lg border border-line bg-paper px-5 py-4">
      <div className="stat-value text-3xl font-bold whitespace-nowrap tabular-nums">{format.number(value)}</div>
      <div className="font-semibold">{label}</div>
      {hint ? <div className="text-sm text-muted">{hint}</div> : null}
    </div>
  );
}
