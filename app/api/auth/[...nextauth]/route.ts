import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';

/**
 * Only the session read is served. Signing in and out happens in our server actions; Auth.js's own
 * sign-in pages, CSRF token and POST endpoints (callback/credentials was a second, unthrottled door
 * to the password check) are closed. authorize() throttles either way.
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname !== '/api/auth/session') return notFound();
  return handlers.GET(request);
}

export async function POST() {
  return notFound();
}

const notFound = () => Response.json({ error: 'not found' }, { status: 404 });
