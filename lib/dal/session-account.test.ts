import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { createUser, getSessionAccount, revokeSessionsByUserId } from './users';

// Issue 12: the session check and the signed-in user are one lookup, so it must refuse exactly
// what the session check refused.
describe.each(testDatabaseKinds)('the account behind a session token on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(async () => handle?.close());

  it('returns the account while its version is current, and nothing after a sign-out or for a forged token', async () => {
    const email = `${randomUUID()}@example.test`;
    const created = await createUser({ name: 'Ines', email, password: 'password-123', role: 'instructor' });
    if (!created.ok) throw new Error(created.error);
    const token = { id: created.id, sessionVersion: 1 };
    expect(await getSessionAccount(token)).toEqual({ id: created.id, name: 'Ines', email, role: 'instructor' });
    expect(await getSessionAccount({ ...token, sessionVersion: 2 })).toBeNull();
    expect(await getSessionAccount({ ...token, sessionVersion: '1' })).toBeNull();
    expect(await getSessionAccount({ id: 'not-a-uuid', sessionVersion: 1 })).toBeNull();
    expect(await getSessionAccount({ id: randomUUID(), sessionVersion: 1 })).toBeNull();
    await revokeSessionsByUserId({ id: created.id });
    expect(await getSessionAccount(token)).toBeNull();
    expect(await getSessionAccount({ ...token, sessionVersion: 2 })).toMatchObject({ id: created.id });
  });
});
