import { inject } from 'vitest';

// lib/env reads DATABASE_URL at import; point it at this run's throwaway database.
process.env.DATABASE_URL = inject('databaseUrl');

// A query handed to a pg client still executing another is refused by pg 9 (lib/db.ts serialises
// them); pg 8 only warns, once a process, so any test that causes it fails the run here.
process.on('warning', (warning) => {
  if (/already executing a query/.test(warning.message)) throw warning;
});
