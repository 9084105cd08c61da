import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { checkDatabaseHealth } from '@/lib/dal/health';

/**
 * Only the session read is served. Signing in and out happens in our server actions; Auth.js's own
 * sign-in pages, CSRF token and POST endpoints (callback/credentials was a second, unthrottled door
 * to the password check) are closed. authorize() throttles either way.
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname !== '/api/auth/session') return notFound();
  // Auth.js answers "no session" and clears the cookie when it cannot check the session: while the
  // database is down that would sign everyone out who asks. Say so instead.
  if (!(await checkDatabaseHealth()).ok) return Response.json({ error: 'database unavailable' }, { status: 503 });
  return handlers.GET(request);
}

export async function POST() {
  return notFound();
}

const notFound = () => Response.json({ error: 'not found' }, { status: 404 });
