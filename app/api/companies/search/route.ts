import type { NextRequest } from 'next/server';
import { actorFromCookies } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { errorResponse, unreadableQueryResponse } from '@/lib/http/route-response';
import { searchCompaniesToCompare } from '@/lib/match-decisions/search-companies';

/** Staff's company picker on a need's page: companies by name, twenty at most. */
export async function GET(request: NextRequest) {
  const unreadable = unreadableQueryResponse(request.nextUrl.searchParams);
  if (unreadable) return unreadable;
  try {
    const actor = await actorFromCookies(db, request.cookies);
    const companies = await searchCompaniesToCompare(db, actor, { q: request.nextUrl.searchParams.get('q') ?? '' });
    return Response.json({ companies }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
