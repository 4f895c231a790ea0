import type { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { errorResponse, unreadableQueryResponse } from '@/lib/http/route-response';
import { routing } from '@/lib/i18n/routing';
import { unsubscribe } from '@/lib/notifications/unsubscribe';

/**
 * One-click unsubscribe (RFC 8058): mail providers POST `List-Unsubscribe=One-Click` to the URL
 * of the List-Unsubscribe header; the confirmation page's form posts here too, with its locale,
 * and is sent back to the page. No session: the link's signature is the authority.
 */
export async function POST(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  const unreadable = unreadableQueryResponse(query);
  if (unreadable) return unreadable;
  const locale = query.get('locale');
  const fromPage = locale !== null && (routing.locales as readonly string[]).includes(locale);
  // A relative Location: right behind any proxy, whatever host the request came in on.
  const backToPage = (outcome: string) => new Response(null, { status: 303, headers: { Location: `/${locale}/unsubscribe?${outcome}=1`, 'Cache-Control': 'no-store' } });
  try {
    await unsubscribe(db, { u: query.get('u'), k: query.get('k'), s: query.get('s') });
    if (fromPage) return backToPage('done');
    return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (fromPage) return backToPage('invalid');
    return errorResponse(error);
  }
}
