import { inject } from 'vitest';

// lib/env reads DATABASE_URL at import; point it at this run's throwaway database.
process.env.DATABASE_URL = inject('databaseUrl');
