import type { Access } from './registry';

// Every route handler under app/api with who may call it, by "<path> <METHOD>". The access
// matrix test finds each exported handler in app/ and fails when one is missing here.

export const ROUTE_ACCESS = {
  '/api/health GET': 'public',
  '/api/hromadas GET': 'public',
  // The public needs counted per hromada, for the dashboard's interactive map (the public needs map shows the same).
  '/api/map/open-need-counts GET': 'public',
  // The same counts drawn as the dashboard's map picture (SVG).
  '/api/map/open-need-counts/picture GET': 'public',
  // The public needs map's hromadas and their first titles, in one language: unfiltered from the
  // page cache, filtered per request (the public needs list's filters).
  '/api/map/needs/[locale] GET': 'public',
  '/api/map/needs GET': 'public',
  '/api/japan-municipalities GET': 'public',
  // next-auth's own endpoints: sign-in (rate-limited, audited), sign-out, session, CSRF token.
  '/api/auth/[...nextauth] GET': 'public',
  '/api/auth/[...nextauth] POST': 'public',
  '/api/outbox GET': ['ADMIN'],
  '/api/companies/search GET': ['FACILITATOR', 'ADMIN'],
  // Whether a need's (or the caller's company's) re-ranking is still queued: the need's own visibility rules apply.
  '/api/ranking-state GET': 'public',
  // A card's criteria table, fetched when opened. Listed as public like ranking-state, since the rule
  // is per match, not per role: each reader only the pairs its own list shows (readMatchExplanation;
  // anonymous 401, a pair outside the reader's scope 404: tests/integration/match-explanation.test.ts).
  '/api/match-explanation GET': 'public',
  // One-click unsubscribe: no session, the signed link is the authority (lib/notifications/unsubscribe.ts).
  '/api/unsubscribe POST': 'public',
} as const satisfies Record<string, Access>;
