import type { Db } from '../../lib/db';

// A digest of every row a user action could change (the audit log aside): equal before and
// after a refused call means the refusal changed nothing.
const TABLES = ['User', 'Company', 'Municipality', 'Need', 'Interest', 'MatchingPolicy', 'PasswordResetToken', 'PendingSignUp', 'OutboxEmail', 'Match', 'MatchDecision', 'Introduction', 'TenderEvidence', 'TextTranslation'];

export async function dataFingerprint(db: Db): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await db.$queryRawUnsafe<{ digest: string | null }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
    );
    fingerprint[table] = row.digest ?? '';
  }
  return fingerprint;
}
