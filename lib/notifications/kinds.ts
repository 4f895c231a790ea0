import type { NoticeDelivery, Role } from '../generated/prisma/enums';

// Every kind of notice, in one place: who may receive it (the preferences page lists a person's
// kinds by role) and how it is delivered until the person chooses otherwise. Each kind has its
// texts in the catalogues under notifications.kinds.<kind> (title, body) and
// notifications.kindNames.<kind> (the preferences page).

type KindDefinition = { roles: readonly Role[]; defaultDelivery: Exclude<NoticeDelivery, 'OFF'> };

const STAFF = ['FACILITATOR', 'ADMIN'] as const;

export const NOTICE_KINDS = {
  // companies
  needFits: { roles: ['COMPANY_REP'], defaultDelivery: 'IMMEDIATE' },
  invited: { roles: ['COMPANY_REP'], defaultDelivery: 'IMMEDIATE' },
  introducedCompany: { roles: ['COMPANY_REP'], defaultDelivery: 'IMMEDIATE' },
  followedNeedChanged: { roles: ['COMPANY_REP'], defaultDelivery: 'DAILY' },
  followedNeedClosed: { roles: ['COMPANY_REP'], defaultDelivery: 'IMMEDIATE' },
  securityWatchNeedFits: { roles: ['COMPANY_REP'], defaultDelivery: 'IMMEDIATE' },
  interestAnswered: { roles: ['COMPANY_REP'], defaultDelivery: 'IMMEDIATE' },
  invitationWithdrawn: { roles: ['COMPANY_REP'], defaultDelivery: 'IMMEDIATE' },
  // municipalities
  interestRegistered: { roles: ['MUNICIPALITY_REP'], defaultDelivery: 'IMMEDIATE' },
  strongRecommendations: { roles: ['MUNICIPALITY_REP'], defaultDelivery: 'DAILY' },
  introducedMunicipality: { roles: ['MUNICIPALITY_REP'], defaultDelivery: 'IMMEDIATE' },
  // both sides of an introduction
  followUpAsk: { roles: ['COMPANY_REP', 'MUNICIPALITY_REP'], defaultDelivery: 'IMMEDIATE' },
  followUpStageRecorded: { roles: ['COMPANY_REP', 'MUNICIPALITY_REP', ...STAFF], defaultDelivery: 'DAILY' },
  introductionMessage: { roles: ['COMPANY_REP', 'MUNICIPALITY_REP'], defaultDelivery: 'IMMEDIATE' },
  // facilitators
  verificationWaiting: { roles: STAFF, defaultDelivery: 'DAILY' },
  mutualInterest: { roles: STAFF, defaultDelivery: 'IMMEDIATE' },
  strongMatchUnreviewed: { roles: STAFF, defaultDelivery: 'WEEKLY' },
  introductionQuiet: { roles: STAFF, defaultDelivery: 'WEEKLY' },
} as const satisfies Record<string, KindDefinition>;

export type NoticeKind = keyof typeof NOTICE_KINDS;
export const NOTICE_KIND_NAMES = Object.keys(NOTICE_KINDS) as NoticeKind[];

export const isNoticeKind = (value: string): value is NoticeKind => Object.hasOwn(NOTICE_KINDS, value);

export const kindsForRole = (role: Role): NoticeKind[] =>
  NOTICE_KIND_NAMES.filter((kind) => (NOTICE_KINDS[kind].roles as readonly Role[]).includes(role));

export const NOTICE_DELIVERIES = ['IMMEDIATE', 'DAILY', 'WEEKLY', 'IN_APP', 'OFF'] as const satisfies readonly NoticeDelivery[];

/** A score at or above this makes a newly published need worth announcing, unless the company chose another. */
export const DEFAULT_NOTICE_SCORE_THRESHOLD = 60;
