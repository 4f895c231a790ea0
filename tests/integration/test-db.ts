import { inject } from 'vitest';
import { createDb, type Db } from '../../lib/db';

/** A client on this run's throwaway database. */
export const testDb: Db = createDb(inject('databaseUrl'), 4);
