import { db } from '@/lib/db';
import { logError } from '@/lib/logging/log';
import { checkDatabase } from '@/lib/platform/health';

export const dynamic = 'force-dynamic';

/** For load balancers and uptime checks: 200 while the database answers, 503 while it does not. */
export async function GET() {
  const database = await checkDatabase(db);
  if (database.status === 'down') {
    logError('health', new Error(`database unreachable: ${database.error}`));
    return Response.json(
      { status: 'unavailable', database: { status: 'down' } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  return Response.json(
    { status: 'ok', database },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
