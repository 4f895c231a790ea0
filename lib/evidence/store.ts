import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { Prisma } from '../generated/prisma/client';
import type { EvidenceFetchStatus } from '../generated/prisma/enums';
import { needChanged } from '../match-store/enqueue';
import { ocidFor, ocidMatches, type EvidenceSourceName } from './ocid';
import type { ReadOutcome } from './ocds';

// Writes what a fetch or an import found into the need's TenderEvidence row, with its audit row,
// and queues the need's re-ranking when what the engine reads has changed — all in the caller's
// transaction. A failure keeps the facts read before: they stay verified as of their date.

export type EvidenceAttempt = {
  needId: string;
  source: EvidenceSourceName;
  /** The need's tender id (Prozorro) or project id (DREAM): which record this attempt was about. */
  identifier: string;
  /** 'import', or the endpoint the package came from. */
  origin: string;
  result: ReadOutcome | { ok: false; status: Exclude<EvidenceFetchStatus, 'VERIFIED' | 'PENDING'>; detail: string };
};

/** The fields the matching engine reads (lib/match-store/inputs.ts): a change in them re-ranks. */
const rankedFields = (row: { verifiedAt: Date | null; procurementMethod: string | null; numberOfTenderers: number | null; funders: unknown } | null) =>
  JSON.stringify(row?.verifiedAt ? [row.procurementMethod, row.numberOfTenderers, row.funders] : null);

const NO_FACTS = {
  verifiedAt: null, tenderStatus: null, procurementMethod: null, procurementMethodDetails: null, valueAmount: null,
  valueCurrency: null, numberOfTenderers: null, buyerName: null, buyerId: null, funders: [], monitoring: [],
  publishedDate: null, releaseDate: null, raw: Prisma.DbNull,
} satisfies Partial<Prisma.TenderEvidenceUncheckedCreateInput>;

export async function saveEvidence(
  tx: Prisma.TransactionClient,
  actor: Actor | null,
  attempt: EvidenceAttempt,
  ip: string | null = null,
): Promise<{ id: string; status: EvidenceFetchStatus }> {
  const { needId, source, identifier, origin, result } = attempt;
  const key = { needId_source: { needId, source } };
  const before = await tx.tenderEvidence.findUnique({ where: key });
  // Whether the row holds this identifier's record. A DREAM record's OCID carries its publisher's
  // prefix, so this is the same matcher that accepted the record, never a comparison of strings.
  const sameRecord = before !== null && ocidMatches(source, identifier)(before.ocid);
  const ocid = result.ok ? result.facts.ocid : sameRecord ? before.ocid : ocidFor(source, identifier);
  const now = new Date();
  let data: Prisma.TenderEvidenceUncheckedCreateInput;
  if (result.ok) {
    const { facts, warnings } = result;
    data = {
      needId, source, ocid, origin, status: 'VERIFIED', statusDetail: null, fetchedAt: now, verifiedAt: now,
      tenderStatus: facts.tenderStatus, procurementMethod: facts.procurementMethod, procurementMethodDetails: facts.procurementMethodDetails,
      valueAmount: facts.valueAmount, valueCurrency: facts.valueCurrency, numberOfTenderers: facts.numberOfTenderers,
      buyerName: facts.buyerName, buyerId: facts.buyerId, funders: facts.funders, monitoring: facts.monitoring,
      publishedDate: facts.publishedDate, releaseDate: facts.releaseDate, schemaWarnings: warnings,
      raw: facts.release as Prisma.InputJsonObject,
    };
  } else {
    const status = 'status' in result ? result.status : 'INVALID';
    // A different tender's facts are not this one's: they go when the identifier changed.
    data = {
      needId, source, ocid, origin, status, statusDetail: result.detail.slice(0, 500), fetchedAt: now,
      ...(sameRecord ? {} : NO_FACTS),
      schemaWarnings: 'warnings' in result ? result.warnings : [],
    };
  }
  const saved = await tx.tenderEvidence.upsert({ where: key, create: data, update: data });
  await recordAudit(tx, actor, {
    action: origin === 'import' ? 'tenderEvidence.imported' : 'tenderEvidence.fetched',
    entityType: 'Need',
    entityId: needId,
    before: before ? { status: before.status, ocid: before.ocid } : null,
    after: { status: saved.status, ocid, source, procurementMethod: saved.procurementMethod, numberOfTenderers: saved.numberOfTenderers },
    ip,
  });
  if (rankedFields(before) !== rankedFields(saved)) await needChanged(tx, needId);
  return { id: saved.id, status: saved.status };
}
