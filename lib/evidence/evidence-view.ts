import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import type { Db } from '../db';

// What facilitators see of a need's published tender records (the evidence card).

export type EvidenceParty = { name: string; id: string | null };

export async function listTenderEvidence(db: Db, actor: Actor | null, needId: string) {
  requireRole(actor, STAFF_ROLES);
  const rows = await db.tenderEvidence.findMany({
    where: { needId },
    orderBy: { source: 'asc' },
    select: {
      id: true, source: true, ocid: true, status: true, statusDetail: true, fetchedAt: true, verifiedAt: true, origin: true,
      tenderStatus: true, procurementMethod: true, procurementMethodDetails: true, valueAmount: true, valueCurrency: true,
      numberOfTenderers: true, buyerName: true, buyerId: true, funders: true, monitoring: true, publishedDate: true, schemaWarnings: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    valueAmount: row.valueAmount === null ? null : Number(row.valueAmount),
    funders: row.funders as EvidenceParty[],
    monitoring: row.monitoring as EvidenceParty[],
    schemaWarnings: row.schemaWarnings as string[],
  }));
}

export type TenderEvidenceView = Awaited<ReturnType<typeof listTenderEvidence>>[number];

/** The record's public page, where one is known: Prozorro shows each tender at its identifier. */
export function publicRecordUrl(evidence: { source: string; ocid: string }): string | null {
  if (evidence.source === 'PROZORRO' && evidence.ocid.startsWith('ocds-be6bcu-')) {
    return `https://prozorro.gov.ua/tender/${evidence.ocid.slice('ocds-be6bcu-'.length)}`;
  }
  return null;
}
