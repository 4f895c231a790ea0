export * from './metrics';
export * from './relevance';
export * from './types';
export { JUDGED_SET } from './judged-set';
