import { useFormatter } from 'next-intl';

export function Stat({ label, value, hint }: { label: string; value: number; hint?: string }) {
  const format = useFormatter();
  return (
    <div className="stat">
      <div className="stat-value">{format.number(value)}</div>
      <div className="stat-label">{label}</div>
      {hint ? <div className="stat-hint">{hint}</div> : null}
    </div>
  );
}
