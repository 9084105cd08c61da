import 'server-only';
import { sql } from 'drizzle-orm';
import { getDatabase, type DatabaseKind } from '@/db';
import { withTimeout } from '@/lib/with-timeout';

// A load balancer asking "are you up?" needs an answer in time, not after the driver's own timeouts.
const HEALTH_TIMEOUT_MS = 1500;

/**
 * Whether the database answers (getDatabase migrates before it hands the database out). Public on
 * purpose, without a session: it reads no row, and a load balancer must be able to ask.
 */
export async function checkDatabaseHealth(): Promise<{ ok: true; kind: DatabaseKind } | { ok: false; error: 'unreachable' }> {
  try {
    const kind = await withTimeout(
      getDatabase().then(async ({ db, kind }) => {
        await db.execute(sql`select 1`);
        return kind;
      }),
      HEALTH_TIMEOUT_MS,
    );
    return { ok: true, kind };
  } catch {
    return { ok: false, error: 'unreachable' };
  }
}

// SQLSTATE codes that mean "the database could not do it now", not "this request was wrong":
// the connection failed or was cut (class 08, server shut down or restarting 57P0x), a timeout
// ran out (statement 57014, lock 55P03, idle transaction 25P03), or it has no room (53300).
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|57014|55P03|25P03|53300)$/;
// What postgres.js and Node's sockets say when there is no connection to speak of.
const UNAVAILABLE_DRIVER_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Whether an error means the database was unreachable or stopped answering (stopped, restarting,
 * connection killed, timeout), as opposed to a bug. Looks through wrapped errors (drizzle wraps
 * the driver's). The caller answers with a message and lets the user try again; the app
 * reconnects by itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_DRIVER_CODES.has(code))) return true;
  }
  return false;
}
