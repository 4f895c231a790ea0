import { confirmSignUp } from '../accounts/confirm-sign-up';
import { changePassword, requestPasswordReset, resetPassword } from '../accounts/passwords';
import { signUpCompany, signUpMunicipality } from '../accounts/sign-up';
import { setEmailLanguage } from '../accounts/preferences';
import { createStaffUser, setUserDisabled } from '../accounts/staff';
import type { Role } from '../generated/prisma/enums';
import { updateCompanyProfile } from '../companies/profile';
import { applyHostilityList, previewHostilityList } from '../hostility-list/load-edition';
import { inviteCompany } from '../interests/invite-company';
import { registerInterest, withdrawInterest } from '../interests/register-interest';
import { decideOnMatch } from '../match-decisions/decide';
import { followNeed, markAllNoticesRead, markNoticeRead, setNoticePreferences } from '../notifications/centre';
import { recordPipelineStep } from '../follow-through/record-step';
import { importTenderEvidence } from '../evidence/import-evidence';
import { updateMatchingPolicy } from '../match-store/policy';
import { previewPolicy } from '../match-store/policy-preview';
import { closeNeed, NEED_CLOSERS, reopenNeed } from '../needs/close-need';
import { createNeed, publishNeed, updateNeed } from '../needs/manage-needs';
import { saveTranslation, TRANSLATORS } from '../content/save-translation';
import { resubmitForVerification } from '../verification/resubmit';
import { verifyOrganisation } from '../verification/verify-organisation';
import type { LibAction } from './run';

// Every operation a server action may call, with who may call it. Server actions under app/
// name their entry here (serveAction), and tests/integration/access-matrix.test.ts runs each
// one as every role and as an anonymous visitor: an action missing here fails that test.
//
// `access` describes; the lib function enforces (requireUser / requireRole / requireAnonymous
// inside it). The matrix test checks that the two agree.

export type Access = 'public' | 'anonymous-only' | readonly Role[];
export type ActionDefinition = { access: Access; run: LibAction };

export const ACTIONS = {
  signUpCompany: { access: 'anonymous-only', run: signUpCompany },
  signUpMunicipality: { access: 'anonymous-only', run: signUpMunicipality },
  confirmSignUp: { access: 'anonymous-only', run: confirmSignUp },
  requestPasswordReset: { access: 'public', run: requestPasswordReset },
  resetPassword: { access: 'public', run: resetPassword },
  changePassword: { access: ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN'], run: changePassword },
  setEmailLanguage: { access: ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN'], run: setEmailLanguage },
  createStaffUser: { access: ['ADMIN'], run: createStaffUser },
  setUserDisabled: { access: ['ADMIN'], run: setUserDisabled },
  verifyOrganisation: { access: ['FACILITATOR', 'ADMIN'], run: verifyOrganisation },
  resubmitForVerification: { access: ['COMPANY_REP', 'MUNICIPALITY_REP'], run: resubmitForVerification },
  updateCompanyProfile: { access: ['COMPANY_REP'], run: updateCompanyProfile },
  registerInterest: { access: ['COMPANY_REP'], run: registerInterest },
  withdrawInterest: { access: ['COMPANY_REP'], run: withdrawInterest },
  inviteCompany: { access: ['MUNICIPALITY_REP'], run: inviteCompany },
  createNeed: { access: ['MUNICIPALITY_REP'], run: createNeed },
  updateNeed: { access: ['MUNICIPALITY_REP'], run: updateNeed },
  publishNeed: { access: ['MUNICIPALITY_REP'], run: publishNeed },
  closeNeed: { access: NEED_CLOSERS, run: closeNeed },
  reopenNeed: { access: NEED_CLOSERS, run: reopenNeed },
  saveTranslation: { access: TRANSLATORS, run: saveTranslation },
  updateMatchingPolicy: {
    access: ['FACILITATOR', 'ADMIN'],
    run: async (db, actor, input) => updateMatchingPolicy(db, actor, input),
  },
  previewMatchingPolicy: {
    access: ['FACILITATOR', 'ADMIN'],
    run: async (db, actor, input) => previewPolicy(db, actor, input),
  },
  decideOnMatch: { access: ['FACILITATOR', 'ADMIN'], run: decideOnMatch },
  importTenderEvidence: { access: ['FACILITATOR', 'ADMIN'], run: importTenderEvidence },
  recordPipelineStep: { access: ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN'], run: recordPipelineStep },
  previewHostilityList: { access: ['ADMIN'], run: async (db, actor, input) => previewHostilityList(db, actor, input) },
  markNoticeRead: { access: ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN'], run: markNoticeRead },
  markAllNoticesRead: { access: ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN'], run: markAllNoticesRead },
  setNoticePreferences: { access: ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN'], run: setNoticePreferences },
  followNeed: { access: ['COMPANY_REP'], run: followNeed },
  applyHostilityList: { access: ['ADMIN'], run: async (db, actor, input, context) => applyHostilityList(db, actor, input, { ip: context.ip }) },
} as const satisfies Record<string, ActionDefinition>;

export type ActionName = keyof typeof ACTIONS;
export type ActionData<N extends ActionName> = Awaited<ReturnType<(typeof ACTIONS)[N]['run']>>;

/** The operation behind a name, typed for callers that pick the name at run time. */
export const operationOf = (name: ActionName): LibAction => ACTIONS[name].run as LibAction;
