import { parse } from 'csv-parse/sync';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { KatottgChangeKind } from '../generated/prisma/enums';
import { kyivDay } from '../hostility-list/calendar';
import { rollForwardInTransaction } from '../hostility-list/roll-forward';

// A new edition of KATOTTG can rename a hromada (new code) or merge it into another. The mapping
// file (prisma/reference/README.md, "KATOTTG editions") names each retired code and its
// successor; applying it re-points everything that named the old code — municipalities, needs,
// hostility periods and their history, sister-city links — to the new one, records the change
// (so a later hostilities table naming the old code is refused) and drops the old hromada. One
// transaction: any bad line refuses the whole file.

export type KatottgChange = { line: number; oldCode: string; newCode: string; kind: KatottgChangeKind; editionDate: string };
export type KatottgProblem = { line: number; problem: 'badRow' | 'unknownOld' | 'unknownNew' | 'alreadyRetired' | 'bothClaimed'; value: string };

const CODE = /^UA\d{17}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseKatottgChanges(text: string): { changes: KatottgChange[]; problems: KatottgProblem[] } {
  const rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, delimiter: [',', ';', '\t'], skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const changes: KatottgChange[] = [];
  const problems: KatottgProblem[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const kind = (row.kind ?? '').toUpperCase();
    if (!CODE.test(row.old_code ?? '') || !CODE.test(row.new_code ?? '') || row.old_code === row.new_code
      || (kind !== 'RENAMED' && kind !== 'MERGED') || !DATE.test(row.edition_date ?? '')) {
      problems.push({ line, problem: 'badRow', value: Object.values(row).join(',') });
      return;
    }
    changes.push({ line, oldCode: row.old_code, newCode: row.new_code, kind, editionDate: row.edition_date });
  });
  return { changes, problems };
}

export type KatottgOutcome = { retired: number; municipalities: number; needs: number; periods: number; statusChanges: number };

export async function applyKatottgChanges(db: Db, actor: Actor | null, text: string): Promise<KatottgOutcome> {
  const { changes, problems } = parseKatottgChanges(text);
  return db.$transaction(async (tx) => {
    const codes = changes.flatMap((c) => [c.oldCode, c.newCode]);
    const [hromadas, retired, claims] = await Promise.all([
      tx.hromada.findMany({ where: { code: { in: codes } }, select: { code: true } }),
      tx.katottgCodeChange.findMany({ where: { oldCode: { in: codes } }, select: { oldCode: true } }),
      tx.municipality.findMany({ where: { hromadaCode: { in: codes }, verificationStatus: { not: 'REJECTED' } }, select: { hromadaCode: true } }),
    ]);
    const known = new Set(hromadas.map((h) => h.code));
    const gone = new Set(retired.map((r) => r.oldCode));
    const claimed = new Set(claims.map((c) => c.hromadaCode));
    const retiring = new Set(changes.map((c) => c.oldCode));
    for (const change of changes) {
      if (gone.has(change.oldCode)) problems.push({ line: change.line, problem: 'alreadyRetired', value: change.oldCode });
      else if (!known.has(change.oldCode)) problems.push({ line: change.line, problem: 'unknownOld', value: change.oldCode });
      else if (!known.has(change.newCode) || retiring.has(change.newCode)) problems.push({ line: change.line, problem: 'unknownNew', value: change.newCode });
      // One live claim per hromada: two claimed hromadas merging need a decision first.
      else if (claimed.has(change.oldCode) && claimed.has(change.newCode)) problems.push({ line: change.line, problem: 'bothClaimed', value: `${change.oldCode} → ${change.newCode}` });
    }
    if (problems.length) {
      throw new AppError('VALIDATION', 'The KATOTTG mapping cannot be applied', { reason: 'katottgMappingRejected', lines: problems.sort((a, b) => a.line - b.line) });
    }

    const outcome: KatottgOutcome = { retired: changes.length, municipalities: 0, needs: 0, periods: 0, statusChanges: 0 };
    const rolled = await rollForwardInTransaction(tx, kyivDay(), {
      enqueue: true,
      change: async () => {
        for (const { oldCode, newCode, kind, editionDate } of changes) {
          outcome.municipalities += await tx.$executeRaw`UPDATE "Municipality" SET "hromadaCode" = ${newCode} WHERE "hromadaCode" = ${oldCode}`;
          outcome.needs += await tx.$executeRaw`UPDATE "Need" SET "hromadaCode" = ${newCode} WHERE "hromadaCode" = ${oldCode}`;
          // A row the successor already holds (a raion's row covers both) is the same period.
          await tx.$executeRaw`
            DELETE FROM "HostilityPeriod" p WHERE p."hromadaCode" = ${oldCode} AND EXISTS (
              SELECT 1 FROM "HostilityPeriod" q WHERE q."hromadaCode" = ${newCode} AND q."territoryCode" = p."territoryCode"
                AND q.status = p.status AND q."startDate" = p."startDate")`;
          outcome.periods += await tx.$executeRaw`UPDATE "HostilityPeriod" SET "hromadaCode" = ${newCode} WHERE "hromadaCode" = ${oldCode}`;
          await tx.$executeRaw`UPDATE "HostilityPeriodRevision" SET "hromadaCode" = ${newCode} WHERE "hromadaCode" = ${oldCode}`;
          await tx.$executeRaw`
            DELETE FROM "SisterCityLink" s WHERE s."hromadaCode" = ${oldCode} AND EXISTS (
              SELECT 1 FROM "SisterCityLink" t WHERE t."hromadaCode" = ${newCode} AND t."japanCode" = s."japanCode")`;
          await tx.$executeRaw`UPDATE "SisterCityLink" SET "hromadaCode" = ${newCode} WHERE "hromadaCode" = ${oldCode}`;
          await tx.katottgCodeChange.create({ data: { oldCode, newCode, kind, editionDate: new Date(`${editionDate}T00:00:00Z`) } });
          await tx.hromada.delete({ where: { code: oldCode } });
        }
      },
    });
    outcome.statusChanges = rolled.changes.length;
    await recordAudit(tx, actor, {
      action: 'katottg.codesRetired',
      entityType: 'KatottgCodeChange',
      after: { changes: changes.map(({ oldCode, newCode, kind, editionDate }) => ({ oldCode, newCode, kind, editionDate })), ...outcome },
    });
    return outcome;
  }, { timeout: 120_000 });
}
