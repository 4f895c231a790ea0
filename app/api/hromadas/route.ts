import type { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { errorResponse, unreadableQueryResponse } from '@/lib/http/route-response';
import { searchHromadas } from '@/lib/reference/search-hromadas';

/** Public reference data: the hromada picker on the municipality sign-up form. */
export async function GET(request: NextRequest) {
  const unreadable = unreadableQueryResponse(request.nextUrl.searchParams);
  if (unreadable) return unreadable;
  try {
    const options = await searchHromadas(db, { q: request.nextUrl.searchParams.get('q') ?? '' });
    return Response.json({ hromadas: options }, { headers: { 'Cache-Control': 'public, max-age=300' } });
  } catch (error) {
    return errorResponse(error);
  }
}
