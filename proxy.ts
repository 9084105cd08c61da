import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, createNonce, securityHeaders } from '@/lib/security/headers';

// A convenience redirect for signed-out visitors; the real checks live in lib/dal.
const NEEDS_SESSION = [/^\/dashboard(\/|$)/, /^\/cases(\/|$)/, /^\/join(\/|$)/, /^\/account(\/|$)/];
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
// next.config.mjs's serverActions.bodySizeLimit: past it Next.js answers a bare 500.
const TRANSPORT_LIMIT_BYTES = 11 * 1024 * 1024;
const TOO_LARGE = 'This upload is too large: an article file may be at most 1 MB. Split the article or paste the part you need.';

/**
 * Security headers with a per-request CSP nonce on every page. The proxy only looks for a session
 * cookie and never decodes or re-issues it: re-issuing it here (as Auth.js's own middleware does on
 * every request) let prefetches still in flight at sign-out write the cookie back afterwards.
 */
export function proxy(request: NextRequest) {
  const { pathname, protocol } = request.nextUrl;
  const signedIn = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });

  let response: NextResponse;
  if (request.method === 'POST' && Number(request.headers.get('content-length') ?? 0) > TRANSPORT_LIMIT_BYTES) {
    // Only a client that skipped the form's own size check gets here; it gets words, not a 500.
    response = new NextResponse(TOO_LARGE, { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  } else if (!signedIn && NEEDS_SESSION.some((re) => re.test(pathname))) {
    // Same origin as the request, so Next.js sends it as a relative Location: whatever Host or
    // X-Forwarded-Host a client sends, the redirect stays on this site.
    const login = request.nextUrl.clone();
    login.pathname = '/login';
    // With its query: a join link (/join?code=…) must survive signing in or up.
    login.search = `?${new URLSearchParams({ callbackUrl: `${pathname}${request.nextUrl.search}` })}`;
    response = NextResponse.redirect(login, 307);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders({ https: protocol === 'https:' }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages and route handlers; static files carry no script to protect.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
