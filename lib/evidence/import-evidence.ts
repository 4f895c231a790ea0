import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { ocidMatches, type EvidenceSourceName } from './ocid';
import { readOcdsPackage } from './ocds';
import { importTenderEvidenceSchema } from './import-schema';
import { saveEvidence } from './store';

export { importTenderEvidenceSchema };

// Staff import a release or record package they downloaded from Prozorro or DREAM, for a
// need that names a tender or project there: the same reading and checks as a fetch.

export async function importTenderEvidence(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, STAFF_ROLES);
  const { needId, source, packageJson } = parseInput(importTenderEvidenceSchema, input);
  let pkg: unknown;
  try {
    pkg = JSON.parse(packageJson);
  } catch {
    throw new AppError('VALIDATION', 'Not JSON', { fieldErrors: { packageJson: 'validation.invalid' } });
  }
  return importPackage(db, actor, needId, source, pkg, context.ip);
}

/**
 * Reads the package for the need's tender or project on `source` and keeps what it found, with
 * the audit row (actor null: an operator's command) and the re-ranking when facts changed.
 */
export async function importPackage(db: Db, actor: Actor | null, needId: string, source: EvidenceSourceName, pkg: unknown, ip: string | null = null) {
  return db.$transaction(async (tx) => {
    const need = await tx.need.findUnique({ where: { id: needId }, select: { prozorroTenderId: true, dreamProjectId: true } });
    if (!need) throw new AppError('NOT_FOUND');
    const identifier = source === 'PROZORRO' ? need.prozorroTenderId : need.dreamProjectId;
    if (!identifier) throw new AppError('VALIDATION', 'The need names no tender there', { fieldErrors: { source: 'validation.required' } });
    const result = readOcdsPackage(pkg, ocidMatches(source, identifier));
    return saveEvidence(tx, actor, { needId, source, identifier, origin: 'import', result }, ip);
  });
}
