import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { passwordResetTokens, users } from '@/db/schema';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { changePassword } from './account';
import { allowPasswordResetRequest, createPasswordResetToken, isPasswordResetTokenUsable, resetPasswordWithToken } from './password-reset';
import { verifyCredentials } from './users';

vi.mock('@/lib/auth', () => import('@/test/session'));

describe.each(testDatabaseKinds)('password reset tokens on %s', (kind) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  const account = async (name: string) => {
    const ids = await createTestUsers({ [name]: 'student' } as Record<string, 'student'>);
    const id = ids[name]!;
    const [row] = await handle.db.select({ email: users.email, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, id));
    return { id, email: row!.email, sessionVersion: row!.sessionVersion };
  };
  const tokensOf = (userId: string) => handle.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));

  it('stores only the SHA-256 of the token, and the link lives an hour at most', async () => {
    const user = await account('hashed');
    const made = await createPasswordResetToken({ email: user.email });
    expect(made).toMatchObject({ to: user.email, name: 'hashed' });
    const [row, ...more] = await tokensOf(user.id);
    expect(more).toEqual([]);
    expect(row!.tokenHash).toBe(createHash('sha256').update(made!.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(made!.token);
    const lifetime = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 1000;
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(3600);
  });

  it('makes no token for an unknown email', async () => {
    const before = await handle.db.select({ n: sql<number>`count(*)::int` }).from(passwordResetTokens);
    expect(await createPasswordResetToken({ email: 'nobody-here@example.test' })).toBeNull();
    expect(await handle.db.select({ n: sql<number>`count(*)::int` }).from(passwordResetTokens)).toEqual(before);
  });

  it('sets a new password once, ends every session, and refuses the same link a second time', async () => {
    const user = await account('once');
    const { token } = (await createPasswordResetToken({ email: user.email }))!;
    expect(await isPasswordResetTokenUsable({ token })).toBe(true);
    expect(await resetPasswordWithToken({ token, password: 'brand-new-password' })).toEqual({ ok: true });
    expect(await verifyCredentials({ email: user.email, password: 'brand-new-password' })).not.toBeNull();
    expect(await verifyCredentials({ email: user.email, password: 'password-123' })).toBeNull();
    const [after] = await handle.db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(after!.sessionVersion).toBe(user.sessionVersion + 1);

    expect(await isPasswordResetTokenUsable({ token })).toBe(false);
    expect(await resetPasswordWithToken({ token, password: 'second-try-password' })).toEqual({ ok: false, error: 'invalid_token' });
    expect(await verifyCredentials({ email: user.email, password: 'brand-new-password' })).not.toBeNull();
  });

  it('lets exactly one of two simultaneous uses of a link through', async () => {
    const user = await account('race');
    const { token } = (await createPasswordResetToken({ email: user.email }))!;
    const results = await Promise.all([
      resetPasswordWithToken({ token, password: 'first-racer-password' }),
      resetPasswordWithToken({ token, password: 'second-racer-password' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('refuses an expired link and leaves the password as it was', async () => {
    const user = await account('expired');
    const { token } = (await createPasswordResetToken({ email: user.email }))!;
    await handle.db
      .update(passwordResetTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordResetTokens.userId, user.id));
    expect(await isPasswordResetTokenUsable({ token })).toBe(false);
    expect(await resetPasswordWithToken({ token, password: 'too-late-password' })).toEqual({ ok: false, error: 'invalid_token' });
    expect(await verifyCredentials({ email: user.email, password: 'password-123' })).not.toBeNull();
  });

  it('refuses made-up and malformed tokens', async () => {
    for (const token of ['', 'x', 'A'.repeat(43), `${'A'.repeat(42)}=`, "' or 1=1 --", 'A'.repeat(5000)]) {
      expect(await isPasswordResetTokenUsable({ token })).toBe(false);
      expect(await resetPasswordWithToken({ token, password: 'whatever-password' })).toEqual({ ok: false, error: 'invalid_token' });
    }
  });

  it('keeps only the latest link of an account, and a password change kills it', async () => {
    const user = await account('latest');
    const first = (await createPasswordResetToken({ email: user.email }))!.token;
    const second = (await createPasswordResetToken({ email: user.email }))!.token;
    expect(await isPasswordResetTokenUsable({ token: first })).toBe(false);
    expect(await isPasswordResetTokenUsable({ token: second })).toBe(true);
    signInAs(user.id);
    expect(await changePassword({ currentPassword: 'password-123', newPassword: 'changed-password', address: '192.0.2.5' })).toEqual({
      ok: true,
    });
    expect(await isPasswordResetTokenUsable({ token: second })).toBe(false);
    expect(await tokensOf(user.id)).toEqual([]);
  });

  it('limits requests per email alike for known and unknown emails, so the limit reveals nothing', async () => {
    const user = await account('limited');
    for (const email of [user.email, 'unknown-limited@example.test']) {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await allowPasswordResetRequest({ email, address: `198.51.100.${i}` }));
      expect(answers, email).toEqual([true, true, true, false, false]);
    }
  });
});
