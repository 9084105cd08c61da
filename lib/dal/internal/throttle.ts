import 'server-only';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { authThrottle } from '@/db/schema';
import { delaySeconds, THROTTLE_WINDOW_SECONDS_MAX, type ThrottlePolicy } from '@/lib/security/throttle-policy';

/**
 * Throttle counters kept in the database (table auth_throttle), so a restart does not clear them
 * and every app instance sees the same counts. Time comes from the database's clock for the same
 * reason: instances may disagree about the time, the database does not.
 *
 * Trusted: no session exists yet when these run (lib/dal/internal/sign-in.ts calls them).
 */

/** Rows deleted per write at most, so pruning never turns one sign-in into a long statement. */
export const PRUNE_BATCH = 100;

/** The first of these keys that is waiting out a delay, or null when all may proceed. */
export async function findBlockedKey({ keys }: { keys: string[] }): Promise<string | null> {
  if (keys.length === 0) return null;
  const db = await getDb();
  const rows = await db
    .select({ key: authThrottle.key })
    .from(authThrottle)
    .where(and(inArray(authThrottle.key, keys), gt(authThrottle.blockedUntil, sql`now()`)));
  const blocked = new Set(rows.map((r) => r.key));
  return keys.find((k) => blocked.has(k)) ?? null;
}

/**
 * Counts one failure against the key and starts the wait the policy gives that count. Each write
 * also deletes a bounded batch of expired rows (see pruneExpired), so a spray of addresses cannot
 * grow the table without bound.
 */
export async function recordFailure({ key, policy }: { key: string; policy: ThrottlePolicy }): Promise<number> {
  const db = await getDb();
  const window = sql`make_interval(secs => ${policy.windowSeconds})`;
  // A stale window restarts at 1, but never while a wait is still running.
  const stale = sql`${authThrottle.windowStartedAt} < now() - ${window} and (${authThrottle.blockedUntil} is null or ${authThrottle.blockedUntil} < now())`;
  const [row] = await db
    .insert(authThrottle)
    .values({ key, failures: 1, windowStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`case when ${stale} then 1 else ${authThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${stale} then now() else ${authThrottle.windowStartedAt} end`,
      },
    })
    .returning({ failures: authThrottle.failures });
  const failures = row!.failures;
  const wait = delaySeconds(failures, policy);
  if (wait > 0) {
    await db
      .update(authThrottle)
      .set({ blockedUntil: sql`greatest(coalesce(${authThrottle.blockedUntil}, now()), now() + make_interval(secs => ${wait}))` })
      .where(eq(authThrottle.key, key));
  }
  await pruneExpired({ limit: PRUNE_BATCH });
  return failures;
}

/**
 * Deletes up to `limit` rows whose window and wait have both run out. Such a row says nothing any
 * more: its key is not blocked, and its next failure would restart the count at 1 anyway (the
 * longest window of any policy has passed). Uses the index on window_started_at, so it costs the
 * rows it deletes, not the size of the table. Returns how many rows it deleted.
 */
async function pruneExpired({ limit }: { limit: number }): Promise<number> {
  const db = await getDb();
  const isExpired = and(
    sql`${authThrottle.windowStartedAt} < now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS_MAX})`,
    sql`(${authThrottle.blockedUntil} is null or ${authThrottle.blockedUntil} < now())`,
  );
  const expired = db.select({ key: authThrottle.key }).from(authThrottle).where(isExpired).limit(limit);
  // Checked again on the row itself: a failure counted meanwhile restarted its window, and stays.
  const deleted = await db
    .delete(authThrottle)
    .where(and(inArray(authThrottle.key, expired), isExpired))
    .returning({ key: authThrottle.key });
  return deleted.length;
}

/** Forgets a key's failures (the owner signed in from there). */
export async function clearKey({ key }: { key: string }): Promise<void> {
  const db = await getDb();
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}
