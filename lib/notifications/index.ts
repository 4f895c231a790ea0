export { publishNotices, type LocalisedName, type NoticeInput, type NoticeParams, type PublishOutcome } from './publish';
export { NOTICE_KINDS, NOTICE_KIND_NAMES, isNoticeKind, kindsForRole, type NoticeKind } from './kinds';
export { recipientsOfCompany, recipientsOfMunicipality, staffRecipients } from './recipients';
