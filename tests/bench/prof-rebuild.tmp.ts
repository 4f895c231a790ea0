import { createScratchDatabase } from '../../lib/database/scratch';
import { createSyntheticWorld } from './synthetic-world';
const scratch = await createScratchDatabase('kakehashi_prof');
try {
  process.env.DATABASE_URL = scratch.url;
  const { prepareDatabase } = await import('../../lib/database/prepare');
  const { createDb } = await import('../../lib/db');
  const { rebuildAllMatches } = await import('../../lib/match-store');
  await prepareDatabase(scratch.url);
  const db = createDb(scratch.url, 4);
  await createSyntheticWorld(db, { companies: Number(process.env.C ?? 30000), needs: Number(process.env.N ?? 1000) });
  const { Session } = await import('node:inspector/promises');
  const session = new Session(); session.connect();
  await session.post('Profiler.enable'); await session.post('Profiler.start');
  const out = await rebuildAllMatches(db, { threads: 1 });
  const { profile } = await session.post('Profiler.stop');
  (await import('node:fs')).writeFileSync('/tmp/rebuild.cpuprofile', JSON.stringify(profile));
  console.log(JSON.stringify(out));
  await db.$disconnect();
} finally { await scratch.drop(); }
