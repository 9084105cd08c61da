import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { SIGN_UP_POLICY } from '@/lib/security/throttle-policy';
import { allowSignUp, checkSignIn } from './sign-in';
import { createUser } from '../users';

vi.mock('@/lib/auth', () => import('@/test/session'));

const PASSWORD = 'the-owners-password';

async function guessWrong(email: string, address: string, times: number) {
  const outcomes = new Set<string>();
  for (let i = 0; i < times; i++) outcomes.add((await checkSignIn({ email, password: `guess-${i}`, address })).status);
  return outcomes;
}

describe.each(testDatabaseKinds)('sign-in throttle on %s', (kind) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    for (const name of ['owner', 'spread', 'lab']) {
      await createUser({ name, email: `${name}@example.test`, password: PASSWORD, role: 'student' });
    }
  });
  afterAll(async () => handle?.close());

  it('refuses the right password after 40 wrong guesses from one address', async () => {
    const outcomes = await guessWrong('owner@example.test', '203.0.113.9', 40);
    expect(outcomes).toEqual(new Set(['invalid', 'throttled']));
    expect(await checkSignIn({ email: 'owner@example.test', password: PASSWORD, address: '203.0.113.9' })).toEqual({ status: 'throttled' });
  });

  it('still lets the owner in from another address', async () => {
    await guessWrong('owner@example.test', '203.0.113.10', 40);
    const owner = await checkSignIn({ email: 'owner@example.test', password: PASSWORD, address: '198.51.100.1' });
    expect(owner).toMatchObject({ status: 'ok', user: { email: 'owner@example.test' } });
  });

  it('lets a few typos through without a wait', async () => {
    await guessWrong('lab@example.test', '192.0.2.50', 4);
    expect((await checkSignIn({ email: 'lab@example.test', password: PASSWORD, address: '192.0.2.50' })).status).toBe('ok');
  });

  it('lets a class-sized batch of sign-ups from one address through, even all at once, and no more', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => allowSignUp({ address: '192.0.2.77' })));
    expect(results.filter(Boolean)).toHaveLength(SIGN_UP_POLICY.free);
    expect(await allowSignUp({ address: '192.0.2.77' })).toBe(false);
    expect(await allowSignUp({ address: '192.0.2.78' })).toBe(true);
  });
});
