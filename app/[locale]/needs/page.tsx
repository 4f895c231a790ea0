import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { z } from 'zod';
import { SECTOR_LABELS } from '@/components/labels';
import { NeedTable } from '@/components/needs/need-table';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/lib/db';
import { SectorCode } from '@/lib/generated/prisma/enums';
import { listPublicNeeds } from '@/lib/needs/public-needs';
import { pageSchema } from '@/lib/pagination';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Open needs' };

const sectorSchema = z.enum(SectorCode).optional().catch(undefined);

export default async function NeedsPage({ searchParams }: PageProps<'/[locale]/needs'>) {
  const params = await searchParams;
  const page = pageSchema.parse(params.page);
  const sector = sectorSchema.parse(params.sector);
  const needs = await listPublicNeeds(db, { page, sector });
  const href = (target: number) =>
    `/needs?${new URLSearchParams({ ...(sector ? { sector } : {}), page: String(target) })}`;
  return (
    <>
      <h1>Open needs{sector ? `: ${SECTOR_LABELS[sector]}` : ''}</h1>
      <p>
        {needs.total.toLocaleString('en')} open needs posted by verified hromadas.
        {sector ? <> <Link href="/needs">Show all sectors</Link></> : null}
      </p>
      <NeedTable needs={needs.items} />
      <Pagination page={needs.page} pageCount={needs.pageCount} href={href} />
    </>
  );
}
