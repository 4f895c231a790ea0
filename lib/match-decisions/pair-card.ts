import { z } from 'zod';
import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { assessPairs, type PairAssessment } from '../match-store/assess-pair';
import { withExplanation } from '../match-store/explain';
import { parseInput } from '../validation';

// Facilitators look at any company against any need, ranked or not: the failed constraints, and
// the points the pair would have without them. A stored match, when there is one, keeps its own
// card (with decisions); this one only explains.

export const pairCardQuerySchema = z.object({ needId: z.uuid(), companyId: z.uuid() }).strict();

export async function getPairCard(db: Db, actor: Actor | null, input: unknown) {
  requireRole(actor, STAFF_ROLES);
  const { needId, companyId } = parseInput(pairCardQuerySchema, input);
  const [need, company, match] = await Promise.all([
    db.need.findUnique({
      where: { id: needId },
      select: {
        id: true, title: true, language: true, sector: true, stage: true, urgency: true, status: true, budgetAmount: true, budgetCurrency: true,
        fundingSource: true, procurementMethod: true, prozorroTenderId: true, dreamProjectId: true, requiredCapabilities: true,
        hromada: { select: { code: true, nameUk: true, nameEn: true, hostilityStatus: true, hostilityScope: true, oblast: { select: { nameUk: true, nameEn: true } } } },
      },
    }),
    db.company.findUnique({
      where: { id: companyId },
      select: {
        id: true, legalNameJa: true, legalNameEn: true, cityJa: true, cityEn: true, sectors: true, capabilities: true,
        riskAppetite: true, deliveryModes: true, stages: true, tenderRequirement: true, maxProjectEur: true, verificationStatus: true,
        prefecture: { select: { nameJa: true, nameEn: true } },
      },
    }),
    db.match.findUnique({
      where: { needId_companyId: { needId, companyId } },
      select: { id: true, score: true, status: true, needId: true, companyId: true, points: true, judgedOn: true, policyVersion: true },
    }),
  ]);
  if (!need || !company) return null;
  const assessment = (await assessPairs(db, needId, [companyId])).get(companyId) as PairAssessment;
  return {
    need,
    company,
    match: await withExplanation(db, match),
    assessment,
  };
}
export type PairCard = NonNullable<Awaited<ReturnType<typeof getPairCard>>>;
