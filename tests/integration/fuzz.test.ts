import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, operationOf, type Access, type ActionName } from '../../lib/actions/registry';
import { ROUTE_ACCESS } from '../../lib/actions/route-access';
import { runAction } from '../../lib/actions/run';
import { ALL_ROLES, type Actor } from '../../lib/auth/actor';
import { authSecret, SESSION_COOKIE } from '../../lib/auth/session';
import type { Role } from '../../lib/generated/prisma/enums';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { DEFAULT_POLICY } from '../../lib/matching/policy';
import { createMatch } from '../factories/match';
import { pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createAccessWorld, TEST_PASSWORD, type AccessWorld } from '../factories/access-world';
import { validCompanyProfile, validNeed, validSignUpCompany, validSignUpMunicipality } from '../factories/valid-inputs';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// Hostile input for every registered action, as a visitor and as every role, and hostile query
// strings for every route handler. Whatever comes in, the answer is never a 500, and a refusal
// changes no row. A new action or route is fuzzed without touching this file.

const NUM_RUNS = 50;

type Caller = Role | 'ANONYMOUS';
const CALLERS: Caller[] = ['ANONYMOUS', ...ALL_ROLES];

/** Strings that have broken servers: NUL, lone surrogates, bad decoding, wildcards, sizes. */
const nastyString = fc.constantFrom(
  '\u0000', 'a\u0000b', '%00', '%', '_', '%%', '__', '\\', '%FF', '%E0%A4%A',
  '\uD800', 'x\uDC00y', '\uFFFD', '\u001B[31m', '\u0007', '\u007F', '\u0085', '\u202E', 'line\nbreak', '\r\n', '\t',
  "'; DROP TABLE \"User\"; --", '__proto__', 'constructor', 'x'.repeat(100_000), '日本語'.repeat(5_000), '',
);
const hostileString = fc.oneof(
  nastyString,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 10 }), nastyString, fc.string({ maxLength: 10 })).map((parts) => parts.join('')),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, undefined, true, false, 0, -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 + 1, -0.5, 10n ** 30n),
  fc.double(),
  fc.array(hostileString, { maxLength: 5 }),
  fc.constant(Array.from({ length: 5_000 }, (_, index) => `item-${index}`)),
  fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, stringUnit: 'binary' }),
);

type Setting = { world: AccessWorld; freeHromadaCode: string; match: { id: string; version: number } };

/** Inputs of the right shape (derived from the valid-input factories), so one broken field is reached. */
function validShapes({ world, freeHromadaCode, match }: Setting): Partial<Record<ActionName, Record<string, unknown>>> {
  return {
    signUpCompany: validSignUpCompany(),
    signUpMunicipality: validSignUpMunicipality(freeHromadaCode),
    requestPasswordReset: { email: world.facilitator.email },
    resetPassword: { token: 'a'.repeat(43), password: 'another long passphrase' },
    changePassword: { currentPassword: TEST_PASSWORD, newPassword: 'a different long passphrase' },
    setEmailLanguage: { locale: 'uk' },
    createStaffUser: { name: 'New Facilitator', email: `staff-${randomUUID()}@example.test`, role: 'FACILITATOR', locale: 'en' },
    setUserDisabled: { userId: world.facilitator.actor.userId, disabled: true },
    verifyOrganisation: { kind: 'company', id: world.company.id, decision: 'VERIFIED', expectedVersion: 0 },
    updateCompanyProfile: { companyId: world.company.id, expectedVersion: 0, profile: validCompanyProfile() },
    registerInterest: { needId: world.openNeed.id, note: 'We built generators.' },
    withdrawInterest: { needId: world.openNeed.id },
    inviteCompany: { needId: world.openNeed.id, companyId: world.company.id, note: 'Please have a look.' },
    withdrawInvitation: { needId: world.openNeed.id, companyId: world.company.id },
    answerInterest: { interestId: randomUUID(), response: 'DECLINED', responseReason: 'Ми вже обрали постачальника.', responseLanguage: 'uk' },
    postIntroductionMessage: { introductionId: randomUUID(), body: 'When could we meet?', language: 'en' },
    createNeed: { requestId: randomUUID(), need: validNeed() },
    updateNeed: { needId: world.openNeed.id, expectedVersion: 0, need: validNeed() },
    publishNeed: { needId: world.openNeed.id, expectedVersion: 0 },
    closeNeed: { needId: world.openNeed.id, expectedVersion: 0, reason: 'CANCELLED', duplicateOfNeedId: null },
    reopenNeed: { needId: world.openNeed.id, expectedVersion: 0 },
    updateMatchingPolicy: { expectedVersion: 1, ...DEFAULT_POLICY, note: 'fuzz' },
    previewMatchingPolicy: { needId: world.openNeed.id, ...DEFAULT_POLICY },
    decideOnMatch: { matchId: match.id, version: match.version, action: 'SHORTLIST', note: 'fuzz' },
  };
}

type Path = (string | number)[];

/** Every place in a value where something can be broken: the value itself and each field in it. */
function pathsIn(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [path];
  return [path, ...Object.entries(value).flatMap(([key, child]) => pathsIn(child, [...path, Array.isArray(value) ? Number(key) : key]))];
}

/** The places in a value that hold a string. */
const stringPaths = (value: unknown): Path[] =>
  pathsIn(value).filter((path) => typeof path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], value) === 'string');

function allowedCallers(access: Access): Caller[] {
  if (access === 'public') return CALLERS;
  if (access === 'anonymous-only') return ['ANONYMOUS'];
  return [...access];
}

type Breakage = 'inject' | 'replace' | 'extraKey' | 'delete' | 'asArray';

/** Characters slipped into an otherwise valid value: the attack a length check does not see. */
const injected = fc.constantFrom('\u0000', '\u0000', '\u0000', '\uD800', '\uDC00', '\uFFFD', '\u0007', '\u001B', '\u007F', '\u0085', '\n', '\t', '%', '_', '\\');

/** A deep copy of the shape with one thing broken at one place. */
function breakAt(shape: unknown, path: Path, breakage: Breakage, hostile: unknown, key: string, character: string): unknown {
  const copy = structuredClone(shape) as Record<string | number, unknown>;
  if (path.length === 0) return breakage === 'asArray' ? [copy] : breakage === 'extraKey' ? { ...copy, [key]: hostile } : hostile;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, step) => node[step] as Record<string | number, unknown>, copy);
  const last = path.at(-1)!;
  const original = parent[last];
  if (breakage === 'inject' && typeof original === 'string') parent[last] = original.slice(0, 1) + character + original.slice(1);
  else if (breakage === 'delete') delete parent[last];
  else if (breakage === 'asArray') parent[last] = [parent[last]];
  else if (breakage === 'extraKey' && typeof parent[last] === 'object' && parent[last] !== null) (parent[last] as Record<string, unknown>)[key] = hostile;
  else parent[last] = hostile;
  return copy;
}

function hostileInputFor(shape: Record<string, unknown> | undefined): fc.Arbitrary<unknown> {
  const random = fc.oneof(hostileValue, fc.dictionary(hostileString, hostileValue, { maxKeys: 5 }));
  if (!shape) return random;
  const paths = pathsIn(shape);
  const texts = stringPaths(shape);
  const broken = fc
    .tuple(fc.constantFrom(...paths), fc.constantFrom<Breakage>('replace', 'replace', 'extraKey', 'delete', 'asArray'), hostileValue, hostileString)
    .map(([path, breakage, hostile, key]) => breakAt(shape, path, breakage, hostile, key, ''));
  const tainted = texts.length
    ? fc.tuple(fc.constantFrom(...texts), injected).map(([path, character]) => breakAt(shape, path, 'inject', null, '', character))
    : broken;
  return fc.oneof({ arbitrary: tainted, weight: 2 }, { arbitrary: broken, weight: 2 }, { arbitrary: random, weight: 1 });
}

/** What the fuzzer saw, readable in a failure message (strings cut short, bigints spelled out). */
const readable = (value: unknown) =>
  JSON.stringify(value, (_, inner: unknown) =>
    typeof inner === 'bigint' ? `${inner}n` : typeof inner === 'string' && inner.length > 80 ? `${inner.slice(0, 80)}…(${inner.length})` : inner,
  );

let setting: Setting;
let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
  const match = await createMatch(db, world.company.id, (await createNeed(db, world.municipality)).id);
  setting = { world, freeHromadaCode: (await pickFreeHromada(db)).code, match };
});
afterAll(async () => {
  await stopQueueClient();
});

describe('fuzz: server actions', () => {
  for (const name of Object.keys(ACTIONS) as ActionName[]) {
    it(`${name}: hostile input never gives a 500, and a refusal changes nothing`, async () => {
      const shape = validShapes(setting)[name];
      const allowed = allowedCallers(ACTIONS[name].access);
      // Mostly callers who get past the access check, so the input itself is what is tested.
      const callers = fc.oneof({ arbitrary: fc.constantFrom(...allowed), weight: 4 }, { arbitrary: fc.constantFrom(...CALLERS), weight: 1 });
      // Whatever the dice say, NUL in each text field is tried once (PostgreSQL cannot store it).
      const examples: [Caller, unknown][] = shape ? stringPaths(shape).map((path) => [allowed[0], breakAt(shape, path, 'inject', null, '', '\u0000')]) : [];
      // The fingerprint after each call is the one before the next: a refusal must leave it equal.
      let fingerprint = await dataFingerprint(db);
      await fc.assert(
        fc.asyncProperty(callers, hostileInputFor(shape), async (caller, input) => {
          const actor: Actor | null = caller === 'ANONYMOUS' ? null : world.byRole[caller].actor;
          const result = await runAction(db, name, operationOf(name), actor, input, { ip: '203.0.113.7' });
          const context = `${name} as ${caller} with ${readable(input)} → ${readable(result)}`;
          if (!result.ok) expect(result.error.status, context).toBeLessThan(500);
          const after = await dataFingerprint(db);
          if (!result.ok) expect(after, context).toEqual(fingerprint);
          fingerprint = after;
        }),
        { numRuns: NUM_RUNS, endOnFailure: true, examples },
      );
    });
  }
});

describe('fuzz: route handlers', () => {
  const nastyQueryPart = fc.constantFrom('%00', 'a%00b', '%FF', '%E0%A4%A', '%', '%%', '_', '%ZZ', '%D8%00', '%ED%A0%80', '%EF%BF%BD', '%0A', '&&', '==', 'x'.repeat(20_000));
  const queryPart = fc.oneof(nastyQueryPart, fc.string({ maxLength: 12 }).map(encodeURIComponent), fc.string({ maxLength: 12 }));
  const queryString = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom('q', 'to', 'kind', 'page'), queryPart), queryPart), { minLength: 1, maxLength: 4 })
    .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('&'));

  // next-auth's handler reads next/headers, which exists only inside a Next.js request; its
  // endpoints are fuzzed against the production build in tests/e2e/security.spec.ts.
  const callable = Object.keys(ROUTE_ACCESS).filter((key) => !key.startsWith('/api/auth/'));

  for (const key of callable) {
    it(`${key}: a hostile query string never gives a 500`, async () => {
      const [route, method] = key.split(' ');
      const handlers = (await import(`../../app${route}/route`)) as Record<string, (request: NextRequest, context: unknown) => Promise<Response>>;
      // A route with segments of its own ([locale]) gets hostile ones too, as Next would pass them.
      const segments = [...route.matchAll(/\[(\w+)\]/g)].map((match) => match[1]);
      const admin = await db.user.findUniqueOrThrow({ where: { id: world.admin.actor.userId } });
      const adminCookie = `${SESSION_COOKIE}=${await encode({ secret: authSecret(), token: { sub: admin.id, sv: admin.sessionVersion, authTime: Math.floor(Date.now() / 1000) } })}`;
      await fc.assert(
        fc.asyncProperty(queryString, fc.boolean(), nastyQueryPart, async (query, asAdmin, segment) => {
          const headers = new Headers(asAdmin ? { cookie: adminCookie } : {});
          const context = { params: Promise.resolve(Object.fromEntries(segments.map((name) => [name, segment]))) };
          const response = await handlers[method](new NextRequest(`http://localhost${route}?${query}`, { method, headers }), context);
          expect(response.status, `${key} ?${query.slice(0, 200)} → ${response.status}`).toBeLessThan(500);
        }),
        { numRuns: NUM_RUNS, endOnFailure: true },
      );
    });
  }
});
