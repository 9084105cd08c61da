import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { count, like, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db';
import { authThrottle } from '@/db/schema';
import { SIGN_UP_POLICY } from '@/lib/security/throttle-policy';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { findBlockedKey, PRUNE_BATCH, recordFailure } from './throttle';

describe.each(testDatabaseKinds)('auth_throttle pruning on %s', (kind) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(async () => handle?.close());
  beforeEach(async () => {
    await handle.db.delete(authThrottle).where(sql`true`);
  });

  /** A spray: one failed sign-up from each of `n` addresses (one row each). */
  async function spray(prefix: string, n: number) {
    for (let i = 0; i < n; i++) await recordFailure({ key: `${prefix}${i}`, policy: SIGN_UP_POLICY });
  }
  /** Moves rows' windows back by two hours, as if they had been written then. */
  async function age(prefix: string) {
    await handle.db
      .update(authThrottle)
      .set({ windowStartedAt: sql`now() - interval '2 hours'` })
      .where(like(authThrottle.key, `${prefix}%`));
  }
  async function rows(prefix = '') {
    const [row] = await handle.db
      .select({ n: count() })
      .from(authThrottle)
      .where(like(authThrottle.key, `${prefix}%`));
    return row!.n;
  }

  it('keeps the table to one window of a spray of addresses', async () => {
    await spray('signup:address:10.0.0.', 150);
    await age('signup:address:10.0.0.');
    await spray('signup:address:10.0.1.', 150);
    // Each write deleted at most a batch of the old rows; two batches cover all 150.
    expect(await rows('signup:address:10.0.0.')).toBe(0);
    expect(await rows()).toBe(150);
  });

  it('deletes a bounded batch per write, and never a row whose wait is still running or whose window is open', async () => {
    await spray('expired:', PRUNE_BATCH + 50);
    await age('expired:');
    // An old window whose wait still runs (a long block), written directly: no write prunes yet.
    await handle.db.insert(authThrottle).values({
      key: 'blocked',
      failures: 40,
      windowStartedAt: sql`now() - interval '2 hours'`,
      blockedUntil: sql`now() + interval '10 minutes'`,
    });
    await recordFailure({ key: 'live', policy: SIGN_UP_POLICY });

    expect(await rows('expired:')).toBe(50);
    await recordFailure({ key: 'live', policy: SIGN_UP_POLICY });
    expect(await rows('expired:')).toBe(0);
    expect(await rows()).toBe(2);
    expect(await findBlockedKey({ keys: ['blocked'] })).toBe('blocked');
    // The live key kept its count: pruning did not restart it.
    expect(await recordFailure({ key: 'live', policy: SIGN_UP_POLICY })).toBe(3);
  });
});
