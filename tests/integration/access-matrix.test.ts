import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createOneTimeLink } from '../../lib/accounts/one-time-link';
import { ACTIONS, operationOf, type Access, type ActionName } from '../../lib/actions/registry';
import { ROUTE_ACCESS } from '../../lib/actions/route-access';
import { runAction } from '../../lib/actions/run';
import { ALL_ROLES, type Actor } from '../../lib/auth/actor';
import { authSecret, SESSION_COOKIE } from '../../lib/auth/session';
import { startSession } from '../../lib/auth/user-sessions';
import type { Role } from '../../lib/generated/prisma/enums';
import { previewHostilityList } from '../../lib/hostility-list/load-edition';
import { isoDay, kyivDay } from '../../lib/hostility-list/calendar';
import { getCurrentPolicy } from '../../lib/match-store/policy';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createAccessWorld, TEST_PASSWORD, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { createMatch } from '../factories/match';
import { pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { uniqueSuffix } from '../factories/sequence';
import { validCompanyProfile, validNeed, validSignUpCompany, validSignUpMunicipality } from '../factories/valid-inputs';
import { dataFingerprint } from './data-fingerprint';
import { pendingSignUpToken } from './sign-up-helpers';
import { testDb as db } from './test-db';

// Every registered action, as every role and as an anonymous visitor. A case builds a fresh,
// valid input for one call, so the allowed callers succeed on their merits and the refused ones
// are refused for who they are, not for what they sent.

type Caller = Role | 'ANONYMOUS';
type Case = (world: AccessWorld, caller: Caller) => Promise<unknown>;

const CASES: Record<ActionName, Case> = {
  signUpCompany: async () => validSignUpCompany(),
  signUpMunicipality: async () => validSignUpMunicipality((await pickFreeHromada(db)).code),
  confirmSignUp: async () => ({ token: await pendingSignUpToken(db, validSignUpCompany()) }),
  requestPasswordReset: async (world) => ({ email: world.facilitator.email }),
  resetPassword: async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const link = await db.$transaction((tx) => createOneTimeLink(tx, user.id, 1));
    return { token: link.split('/').at(-1), password: 'another long passphrase' };
  },
  setEmailLanguage: async () => ({ locale: 'uk' }),
  changePassword: async () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
  createStaffUser: async () => ({ name: 'New Facilitator', email: `staff-${uniqueSuffix()}@example.test`, role: 'FACILITATOR', locale: 'en' }),
  setUserDisabled: async () => ({ userId: (await createUser(db, { role: 'FACILITATOR' })).id, disabled: true }),
  verifyOrganisation: async () => ({ kind: 'company', id: (await createCompany(db)).id, decision: 'VERIFIED', expectedVersion: 0 }),
  updateCompanyProfile: async (world) => ({
    companyId: world.company.id,
    expectedVersion: (await db.company.findUniqueOrThrow({ where: { id: world.company.id } })).version,
    profile: validCompanyProfile(),
  }),
  registerInterest: async (world) => ({ needId: world.openNeed.id, note: 'We built generators for Kharkiv in 2023.' }),
  withdrawInterest: async (world) => {
    const need = await createNeed(db, world.municipality);
    await db.interest.create({ data: { companyId: world.company.id, needId: need.id, direction: 'COMPANY_INTEREST' } });
    return { needId: need.id };
  },
  inviteCompany: async (world) => ({ needId: world.openNeed.id, companyId: world.company.id, note: 'Please have a look.' }),
  createNeed: async () => ({ requestId: randomUUID(), need: validNeed() }),
  updateNeed: async (world) => {
    const need = await createNeed(db, world.municipality, { status: 'DRAFT', publishedAt: null });
    return { needId: need.id, expectedVersion: need.version, need: validNeed({ title: 'Updated generators request' }) };
  },
  publishNeed: async (world) => {
    const need = await createNeed(db, world.municipality, { status: 'DRAFT', publishedAt: null });
    return { needId: need.id, expectedVersion: need.version };
  },
  closeNeed: async (world) => {
    const need = await createNeed(db, world.municipality);
    return { needId: need.id, expectedVersion: need.version, reason: 'FULFILLED', duplicateOfNeedId: null };
  },
  reopenNeed: async (world) => {
    const need = await createNeed(db, world.municipality, { status: 'CLOSED', closedAt: new Date(), closeReason: 'CANCELLED' });
    return { needId: need.id, expectedVersion: need.version };
  },
  resubmitForVerification: async (world, caller) => {
    // The caller's own organisation is rejected for this one call and verified again after it,
    // so the cases that follow still find verified organisations.
    const verified = { verificationStatus: 'VERIFIED' as const, verifiedAt: new Date() };
    const rejected = { verificationStatus: 'REJECTED' as const, rejectedAt: new Date(), rejectionReason: 'The corporate number is not in the register.' };
    if (caller === 'MUNICIPALITY_REP') {
      const row = await db.municipality.update({ where: { id: world.municipality.id }, data: rejected });
      onTestFinished(async () => { await db.municipality.update({ where: { id: row.id }, data: verified }); });
      return { expectedVersion: row.version, note: 'The council decision is attached to our email.' };
    }
    const row = await db.company.update({ where: { id: world.company.id }, data: rejected });
    onTestFinished(async () => { await db.company.update({ where: { id: row.id }, data: verified }); });
    return { expectedVersion: row.version, note: 'Corrected the corporate number.' };
  },
  updateMatchingPolicy: async () => {
    const policy = await getCurrentPolicy(db);
    return { expectedVersion: policy.version, weights: policy.weights, hardConstraints: policy.hardConstraints, note: 'matrix' };
  },
  previewMatchingPolicy: async (world) => {
    const policy = await getCurrentPolicy(db);
    return { needId: world.openNeed.id, weights: policy.weights, hardConstraints: policy.hardConstraints };
  },
  previewHostilityList: async () => restatedPeriod(),
  applyHostilityList: async (world) => {
    const order = await restatedPeriod();
    const preview = await previewHostilityList(db, world.byRole.ADMIN.actor, order);
    return { ...order, checksum: preview.checksum };
  },
  decideOnMatch: async (world) => {
    const match = await createMatch(db, world.company.id, (await createNeed(db, world.municipality)).id);
    return { matchId: match.id, version: match.version, action: 'SHORTLIST', note: 'Strong generator experience.' };
  },
  recordPipelineStep: async (world) => {
    const need = await createNeed(db, world.municipality);
    const intro = await db.introduction.create({ data: { needId: need.id, companyId: world.company.id, introducedById: world.facilitator.actor.userId } });
    return { introductionId: intro.id, step: 'TENDER_PUBLISHED', occurredOn: isoDay(kyivDay()), tenderSource: 'PROZORRO', tenderId: 'UA-2026-11-30-001234-a' };
  },
  importTenderEvidence: async (world) => {
    const need = await createNeed(db, world.municipality, { procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2017-10-31-002726-a' });
    const pkg = readFileSync(path.resolve('tests/fixtures/ocds/prozorro-UA-2017-10-31-002726-a.record-package.json'), 'utf8');
    return { needId: need.id, source: 'PROZORRO', packageJson: JSON.stringify(JSON.parse(pkg)) };
  },
  markNoticeRead: async (world, caller) => {
    // The caller's own notice (an anonymous caller's case borrows the facilitator's).
    const userId = world.byRole[caller === 'ANONYMOUS' ? 'FACILITATOR' : caller].actor.userId;
    const notice = await db.notice.create({ data: { userId, kind: 'verificationWaiting', dedupeKey: `matrix:${randomUUID()}`, params: {}, link: '/', delivery: 'IN_APP' } });
    return { noticeId: notice.id };
  },
  markAllNoticesRead: async () => ({}),
  setNoticePreferences: async () => ({ preferences: [] }),
  followNeed: async (world) => ({ needId: world.openNeed.id, follow: true }),
  saveTranslation: async (world, caller) => {
    // Each caller translates something it may: a company its own interest's note, everyone
    // else the municipality's need (its own for the representative, any for staff). Denials
    // for other people's texts are in tests/integration/translations.test.ts.
    const need = await createNeed(db, world.municipality, { language: 'uk' });
    if (caller === 'COMPANY_REP') {
      const interest = await db.interest.create({ data: { companyId: world.company.id, needId: need.id, direction: 'COMPANY_INTEREST', note: '発電機の納入実績があります。', noteLanguage: 'ja' } });
      return { subject: 'INTEREST', subjectId: interest.id, field: 'note', locale: 'uk', translation: 'Маємо досвід постачання генераторів.', expectedVersion: null };
    }
    return { subject: 'NEED', subjectId: need.id, field: 'title', locale: 'ja', translation: '給水施設の非常用電源', expectedVersion: null };
  },
};

/** An amendment restating one period of the list as it is: valid, and changes no status. */
async function restatedPeriod() {
  const period = await db.hostilityPeriod.findFirstOrThrow({ where: { territoryLevel: 'HROMADA' }, orderBy: { id: 'asc' } });
  const table = [
    'hromada_code,territory_code,territory_level,territory_name,status,start_date,end_date',
    [period.hromadaCode, period.territoryCode, period.territoryLevel, period.territoryName, period.status,
      period.startDate.toISOString().slice(0, 10), period.endDate?.toISOString().slice(0, 10) ?? ''].join(','),
  ].join('\n');
  return { kind: 'AMENDMENT', orderNumber: '1-matrix', orderDate: '2026-01-08', source: 'access matrix', hostilityTable: table };
}

const CALLERS: Caller[] = ['ANONYMOUS', ...ALL_ROLES];

function expectedOutcome(access: Access, caller: Caller): 'ok' | 401 | 403 {
  if (access === 'public') return 'ok';
  if (access === 'anonymous-only') return caller === 'ANONYMOUS' ? 'ok' : 403;
  if (caller === 'ANONYMOUS') return 401;
  return access.includes(caller) ? 'ok' : 403;
}

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

describe('access matrix: server actions', () => {
  it('has a case for every registered action and nothing else', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const [name, definition] of Object.entries(ACTIONS) as [ActionName, (typeof ACTIONS)[ActionName]][]) {
    for (const caller of CALLERS) {
      const expected = expectedOutcome(definition.access, caller);
      it(`${name} as ${caller} → ${expected}`, async () => {
        const actor: Actor | null = caller === 'ANONYMOUS' ? null : world.byRole[caller].actor;
        const input = await CASES[name](world, caller);
        const before = await dataFingerprint(db);
        const auditBefore = await db.auditLog.count({ where: { action: 'access.denied', entityId: name } });

        const result = await runAction(db, name, operationOf(name), actor, input, { ip: '203.0.113.9' });

        if (expected === 'ok') {
          expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        } else {
          expect(result).toMatchObject({ ok: false, error: { status: expected } });
          expect(await dataFingerprint(db)).toEqual(before);
          expect(await db.auditLog.count({ where: { action: 'access.denied', entityId: name } })).toBe(auditBefore + 1);
        }
      });
    }
  }
});

describe('access matrix: every server action goes through the registry', () => {
  const serverActionFiles = listFiles(path.resolve('app')).filter((file) => /^['"]use server['"]/m.test(readFileSync(file, 'utf8')));

  it('each exported server action serves exactly one registered action', () => {
    for (const file of serverActionFiles) {
      const source = readFileSync(file, 'utf8');
      const exported = [...source.matchAll(/export async function (\w+)\s*\(/g)].map((match) => match[1]);
      for (const functionName of exported) {
        const body = source.slice(source.indexOf(`export async function ${functionName}`));
        const served = body.match(/serveAction\(\s*'(\w+)'/)?.[1];
        expect(served, `${path.relative('.', file)}: ${functionName} must call serveAction('<registered name>')`).toBeDefined();
        expect(Object.keys(ACTIONS), `${functionName} serves an unregistered action`).toContain(served);
      }
      expect(source, `${file} exports something that is not an async function`).not.toMatch(/export (const|let|default)/);
    }
  });
});

describe('access matrix: route handlers', () => {
  const routeFiles = listFiles(path.resolve('app')).filter((file) => path.basename(file) === 'route.ts');
  const declared = routeFiles.flatMap((file) => {
    const route = '/' + path.relative(path.resolve('app'), path.dirname(file)).split(path.sep).join('/');
    const source = readFileSync(file, 'utf8');
    const methods = [
      ...[...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]),
      ...[...source.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]),
    ];
    return methods.map((method) => ({ key: `${route} ${method}`, file, method }));
  });

  it('lists every route handler in ROUTE_ACCESS, and nothing that does not exist', () => {
    expect(declared.map((route) => route.key).sort()).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  const guarded = Object.entries(ROUTE_ACCESS).filter(([, access]) => access !== 'public') as [string, readonly Role[]][];
  for (const [key, access] of guarded) {
    for (const caller of CALLERS) {
      const expected = expectedOutcome(access, caller);
      it(`${key} as ${caller} → ${expected === 'ok' ? 200 : expected}`, async () => {
        const [route, method] = key.split(' ');
        const handlers = (await import(`../../app${route}/route`)) as Record<string, (request: NextRequest) => Promise<Response>>;
        const headers = new Headers();
        if (caller !== 'ANONYMOUS') headers.set('cookie', `${SESSION_COOKIE}=${await sessionCookieFor(world.byRole[caller].actor)}`);
        const before = await dataFingerprint(db);
        const response = await handlers[method](new NextRequest(`http://localhost${route}`, { method, headers }));
        expect(response.status).toBe(expected === 'ok' ? 200 : expected);
        if (expected !== 'ok') expect(await dataFingerprint(db)).toEqual(before);
      });
    }
  }
});

async function sessionCookieFor(actor: Actor): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  const session = await startSession(db, user.id);
  return encode({ secret: authSecret(), token: { sub: user.id, sid: session.id, sv: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) } });
}

function listFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    return statSync(full).isDirectory() ? listFiles(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });
}
