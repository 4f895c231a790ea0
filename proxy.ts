import { NextResponse, type NextRequest } from 'next/server';
import {
  buildContentSecurityPolicy,
  isBodyTooLarge,
  isForeignOrigin,
  SECURITY_HEADERS,
} from './lib/security/http-policy';

// Runs before every request: refuses cross-site writes and oversized bodies, and gives each
// page a fresh CSP nonce. Authorisation is not done here: it lives in lib, where data is read.

export function proxy(request: NextRequest) {
  if (isForeignOrigin(request.method, request.headers)) {
    return withSecurityHeaders(NextResponse.json({ error: 'FORBIDDEN', messageKey: 'errors.foreignOrigin' }, { status: 403 }));
  }
  if (isBodyTooLarge(request.headers)) {
    return withSecurityHeaders(NextResponse.json({ error: 'PAYLOAD_TOO_LARGE', messageKey: 'errors.payloadTooLarge' }, { status: 413 }));
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = buildContentSecurityPolicy(nonce, {
    isDevelopment: process.env.NODE_ENV === 'development',
    isHttps: request.nextUrl.protocol === 'https:',
  });
  // Next reads the policy from the request to put the nonce on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return withSecurityHeaders(response);
}

function withSecurityHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files need no nonce; everything else, API included, passes through.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
