import type { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { errorResponse, unreadableQueryResponse } from '@/lib/http/route-response';
import { readOpenNeedCountsPayload } from '@/lib/needs/open-need-counts-payload';

/**
 * Public data: the hromadas with public open needs and how many, for the facilitator dashboard's
 * interactive map (components/maps/counted-hromada-map.tsx). Kept by the browser for a minute,
 * so moving between the dashboard and other pages does not read it again.
 */
export async function GET(request: NextRequest) {
  const unreadable = unreadableQueryResponse(request.nextUrl.searchParams);
  if (unreadable) return unreadable;
  try {
    return Response.json(await readOpenNeedCountsPayload(db), { headers: { 'Cache-Control': 'public, max-age=60' } });
  } catch (error) {
    return errorResponse(error);
  }
}
