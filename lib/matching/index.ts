export * from './types';
export * from './policy';
export { evaluateMatch, explainPair, pairPoints, scorePair, EXCLUDED } from './evaluate';
export { prepareCompany, prepareNeed, type PreparedCompany, type PreparedNeed } from './prepare';
export { readSiteStatus, SEVERITY, TOLERANCE } from './site-security';
export { TopK } from './top-k';
