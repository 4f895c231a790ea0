import { Link } from '@/lib/i18n/navigation';
import { SECTOR_LABELS } from '@/components/labels';
import { Stat } from '@/components/ui/stat';
import { db } from '@/lib/db';
import { getPlatformOverview } from '@/lib/platform/overview';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const overview = await getPlatformOverview(db);
  const busiest = Math.max(1, ...overview.openNeedsBySector.map((row) => row.count));
  return (
    <>
      <section className="hero">
        <h1>
          Kakehashi <span lang="ja">架け橋</span>
        </h1>
        <p>
          A bridge between Japanese small and mid-sized companies and the Ukrainian hromadas that
          need generators, demining, debris removal, bridges, water and transport to rebuild.
        </p>
      </section>
      <section className="stats" aria-label="Platform at a glance">
        <Stat label="Verified companies" value={overview.companies} />
        <Stat
          label="Hromadas with open needs"
          value={overview.hromadasWithNeeds}
          hint={`of ${overview.hromadasInReference.toLocaleString('en')} in the official classifier`}
        />
        <Stat label="Open needs" value={overview.openNeeds} />
      </section>
      <section aria-labelledby="by-sector">
        <h2 id="by-sector">Open needs by sector</h2>
        <table className="table sector-table">
          <thead>
            <tr>
              <th scope="col">Sector</th>
              <th scope="col">OECD DAC</th>
              <th scope="col" className="numeric">Open needs</th>
              <th scope="col"><span className="visually-hidden">Share</span></th>
            </tr>
          </thead>
          <tbody>
            {overview.openNeedsBySector.map((row) => (
              <tr key={row.sector}>
                <td>
                  <Link href={`/needs?sector=${row.sector}`}>{SECTOR_LABELS[row.sector]}</Link>
                </td>
                <td>{row.dacCode}</td>
                <td className="numeric" data-testid={`sector-count-${row.sector}`}>{row.count}</td>
                <td className="bar-cell" aria-hidden="true">
                  <span className="bar" style={{ width: `${(row.count / busiest) * 100}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
