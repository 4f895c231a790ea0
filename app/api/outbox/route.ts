import type { NextRequest } from 'next/server';
import { actorFromCookies } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { readOutbox } from '@/lib/email/read-outbox';
import { errorResponse, unreadableQueryResponse } from '@/lib/http/route-response';

/** The local outbox as JSON, for administrators and tooling. */
export async function GET(request: NextRequest) {
  const unreadable = unreadableQueryResponse(request.nextUrl.searchParams);
  if (unreadable) return unreadable;
  try {
    const actor = await actorFromCookies(db, request.cookies);
    const emails = await readOutbox(db, actor, Object.fromEntries(request.nextUrl.searchParams));
    return Response.json({ emails }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
