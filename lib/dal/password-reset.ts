import 'server-only';
import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { passwordResetTokens, users } from '@/db/schema';
import { hashPassword } from '@/lib/password';
import { hashResetToken, newResetToken, RESET_TOKEN_LIFETIME_SECONDS, RESET_TOKEN_PATTERN } from '@/lib/security/reset-token';
import { RESET_POLICIES, resetKeys } from '@/lib/security/throttle-policy';
import type { DalResult } from './result';
import { recordFailure } from './internal/throttle';

/*
 * "Forgot password": like sign-in and sign-up these run before there is a session (the visitor
 * cannot sign in, that is the point). What stands in for the session check: the token, random and
 * single-use, reaches only the account's mailbox; the database keeps only its SHA-256.
 */

/**
 * Counts one reset request against the email and the address; false once either has used up its
 * requests for now. Counted for unknown emails too, so the answer never tells which emails exist.
 */
export async function allowPasswordResetRequest({ email, address }: { email: string; address: string }): Promise<boolean> {
  const keys = resetKeys(email, address);
  const account = await recordFailure({ key: keys.account, policy: RESET_POLICIES.account });
  const byAddress = await recordFailure({ key: keys.address, policy: RESET_POLICIES.address });
  return account <= RESET_POLICIES.account.free && byAddress <= RESET_POLICIES.address.free;
}

/**
 * A new reset token for the account with this email, or null when there is none. Earlier unused
 * links of that account stop working: only the latest mail counts. Expired tokens are dropped.
 */
export async function createPasswordResetToken({ email }: { email: string }): Promise<{ to: string; name: string; token: string } | null> {
  const db = await getDb();
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, email));
  if (!user) return null;
  const token = newResetToken();
  await db.transaction(async (tx) => {
    await tx.delete(passwordResetTokens).where(lt(passwordResetTokens.expiresAt, sql`now()`));
    await tx.delete(passwordResetTokens).where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values({
      tokenHash: hashResetToken(token),
      userId: user.id,
      // The database's clock, like the throttle: app instances may disagree about the time.
      expiresAt: sql`now() + make_interval(secs => ${RESET_TOKEN_LIFETIME_SECONDS})`,
    });
  });
  return { to: user.email, name: user.name, token };
}

const usable = (tokenHash: string) =>
  and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`));

/** True while the token is unused and unexpired (the page shows the form, or says the link is dead). */
export async function isPasswordResetTokenUsable({ token }: { token: string }): Promise<boolean> {
  if (!RESET_TOKEN_PATTERN.test(token)) return false;
  const db = await getDb();
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(usable(hashResetToken(token)));
  return Boolean(row);
}

/**
 * Sets a new password with a mailed token, once. The token is spent in the same statement that
 * checks it, so two submits of one link cannot both succeed. Every session of the account ends
 * (whoever knew the old password is signed out) and every other reset link dies with it.
 */
export async function resetPasswordWithToken({
  token,
  password,
}: {
  token: string;
  password: string;
}): Promise<DalResult<object, 'invalid_token'>> {
  // Checked before hashing: a made-up token costs a lookup, not an argon2 hash.
  if (!(await isPasswordResetTokenUsable({ token }))) return { ok: false, error: 'invalid_token' };
  const passwordHash = await hashPassword(password);
  const tokenHash = hashResetToken(token);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(usable(tokenHash))
      .returning({ userId: passwordResetTokens.userId });
    if (!spent) return { ok: false, error: 'invalid_token' } as const;
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, spent.userId));
    await tx
      .delete(passwordResetTokens)
      .where(and(eq(passwordResetTokens.userId, spent.userId), ne(passwordResetTokens.tokenHash, tokenHash)));
    return { ok: true } as const;
  });
}
