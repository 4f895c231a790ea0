import type { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { errorResponse, unreadableQueryResponse } from '@/lib/http/route-response';
import { searchJapanMunicipalities } from '@/lib/reference/search-japan-municipalities';

/** Public reference data: the municipality picker on the company sign-up and profile forms. */
export async function GET(request: NextRequest) {
  const unreadable = unreadableQueryResponse(request.nextUrl.searchParams);
  if (unreadable) return unreadable;
  try {
    const options = await searchJapanMunicipalities(db, { q: request.nextUrl.searchParams.get('q') ?? '' });
    return Response.json({ municipalities: options }, { headers: { 'Cache-Control': 'public, max-age=300' } });
  } catch (error) {
    return errorResponse(error);
  }
}
