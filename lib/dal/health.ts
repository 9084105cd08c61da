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
