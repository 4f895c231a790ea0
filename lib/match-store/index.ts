export { rerankCompany, rerankNeed, type RerankOutcome } from './refresh';
export { rebuildAllMatches, type RebuildOutcome } from './rebuild';
export { listMatchesForCompany, listMatchesForNeed, matchListFilterSchema, type StoredMatch } from './queries';
export { ensureDefaultPolicy, getCurrentPolicy, listPolicyVersions, updateMatchingPolicy, updatePolicyInputSchema } from './policy';
export { companyChanged, interestChanged, needChanged } from './enqueue';
export { drainMatchingJobs, startMatchingWorker } from './worker';
export { COMPANY_TOP_K, NEED_TOP_K } from './write';
