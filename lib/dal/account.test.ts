import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { users } from '@/db/schema';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { changePassword, deleteOwnAccount } from './account';
import { setUserRoleByEmail } from './internal/user-role';
import { isSessionCurrent, revokeSessionsByUserId, verifyCredentials } from './users';

vi.mock('@/lib/auth', () => import('@/test/session'));

describe.each(testDatabaseKinds)('ending sessions on the server on %s', (kind) => {
  let handle: DatabaseHandle;
  let ids: Record<'signsOut' | 'changesPassword' | 'promoted' | 'leaves' | 'bystander', string>;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    ids = await createTestUsers({
      signsOut: 'student',
      changesPassword: 'student',
      promoted: 'student',
      leaves: 'student',
      bystander: 'student',
    });
  });
  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  const emailOf = async (id: string) => (await handle.db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0]!.email;

  /** The version a session token issued now would carry. */
  const tokenFor = async (id: string) => {
    const [row] = await handle.db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, id));
    return { id, sessionVersion: row!.sessionVersion };
  };

  it('accepts a token issued with the current version and nothing else', async () => {
    const token = await tokenFor(ids.bystander);
    expect(await isSessionCurrent(token)).toBe(true);
    expect(await isSessionCurrent({ ...token, sessionVersion: token.sessionVersion + 1 })).toBe(false);
    expect(await isSessionCurrent({ ...token, sessionVersion: undefined })).toBe(false);
    expect(await isSessionCurrent({ id: 'not-a-uuid', sessionVersion: 1 })).toBe(false);
  });

  it('refuses every older token after a sign-out, and only that user’s', async () => {
    const before = await tokenFor(ids.signsOut);
    const other = await tokenFor(ids.bystander);
    await revokeSessionsByUserId({ id: ids.signsOut });
    expect(await isSessionCurrent(before)).toBe(false);
    expect(await isSessionCurrent(await tokenFor(ids.signsOut))).toBe(true);
    expect(await isSessionCurrent(other)).toBe(true);
  });

  it('refuses older tokens after a password change, which needs the current password', async () => {
    const before = await tokenFor(ids.changesPassword);
    signInAs(ids.changesPassword);
    expect(await changePassword({ currentPassword: 'wrong', newPassword: 'a-new-password' })).toEqual({
      ok: false,
      error: 'wrong_password',
    });
    expect(await isSessionCurrent(before)).toBe(true);
    expect(await changePassword({ currentPassword: 'password-123', newPassword: 'a-new-password' })).toEqual({ ok: true });
    expect(await isSessionCurrent(before)).toBe(false);
    expect(await verifyCredentials({ email: await emailOf(ids.changesPassword), password: 'a-new-password' })).not.toBeNull();
  });

  it('refuses older tokens after a role change', async () => {
    const before = await tokenFor(ids.promoted);
    expect(await setUserRoleByEmail(handle.db, { email: (await emailOf(ids.promoted)).toUpperCase(), role: 'admin' })).toEqual({
      ok: true,
      id: ids.promoted,
      previous: 'student',
    });
    expect(await isSessionCurrent(before)).toBe(false);
    const [row] = await handle.db.select({ role: users.role }).from(users).where(eq(users.id, ids.promoted));
    expect(row!.role).toBe('admin');
    expect(await setUserRoleByEmail(handle.db, { email: 'nobody@example.test', role: 'instructor' })).toEqual({
      ok: false,
      error: 'unknown_email',
    });
  });

  it('refuses the tokens of a deleted account', async () => {
    const before = await tokenFor(ids.leaves);
    signInAs(ids.leaves);
    await deleteOwnAccount();
    expect(await isSessionCurrent(before)).toBe(false);
  });
});
