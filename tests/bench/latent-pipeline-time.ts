/**
 * CPU and wall time of the dashboard's latent pipeline (lib/security-watch/latent-pipeline.ts)
 * on a database as it is, e.g. the synthetic world bench:pages leaves with --database-url --seed:
 *
 *   DATABASE_URL=… npx tsx tests/bench/latent-pipeline-time.ts [runs]
 */
import { createDb } from '../../lib/db';
import { getLatentPipeline } from '../../lib/security-watch/latent-pipeline';

const db = createDb(process.env.DATABASE_URL!, 4);
const actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'FACILITATOR', companyId: null, municipalityId: null } as const;
for (let i = 0; i < Number(process.argv[2] ?? 5); i++) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await getLatentPipeline(db, actor);
  const used = process.cpuUsage(cpu);
  console.log(`wall ${Math.round(performance.now() - started)} ms, cpu ${Math.round((used.user + used.system) / 1000)} ms`,
    JSON.stringify({ needs: result.needs, companiesWaiting: result.companiesWaiting, budgetEur: result.budgetEur }));
}
await db.$disconnect();
