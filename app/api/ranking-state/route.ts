import type { NextRequest } from 'next/server';
import { actorFromCookies } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { errorResponse, unreadableQueryResponse } from '@/lib/http/route-response';
import { readRankingState } from '@/lib/match-store/ranking-state';

/** Polled by a page that shows "ranking in progress", until the background re-ranking is done. */
export async function GET(request: NextRequest) {
  const unreadable = unreadableQueryResponse(request.nextUrl.searchParams);
  if (unreadable) return unreadable;
  try {
    const actor = await actorFromCookies(db, request.cookies);
    const state = await readRankingState(db, actor, Object.fromEntries(request.nextUrl.searchParams));
    return Response.json(state, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
