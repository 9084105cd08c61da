import 'server-only';
import { countDistinct, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { attempts, caseStudies, classes, classMembers, passwordResetTokens, users } from '@/db/schema';
import { hashPassword } from '@/lib/password';
import type { DalResult } from './result';
import { requireUser } from './session';
import { checkSignIn } from './internal/sign-in';

type PasswordCheckError = 'wrong_password' | 'throttled';

/**
 * The signed-in user's password, checked the way sign-in checks it (the same throttle, from the
 * caller's address): a session alone must not be a free oracle for guessing the password.
 */
async function confirmPassword(user: { id: string; email: string }, password: string, address: string): Promise<PasswordCheckError | null> {
  const check = await checkSignIn({ email: user.email, password, address });
  if (check.status === 'throttled') return 'throttled';
  if (check.status !== 'ok' || check.user.id !== user.id) return 'wrong_password';
  return null;
}

/** What the account page shows, and what deleting the account would take with it. */
export async function getAccountSummary() {
  const user = await requireUser();
  const db = await getDb();
  const [owned] = await db
    .select({ classes: countDistinct(classes.id), students: countDistinct(classMembers.userId) })
    .from(classes)
    .leftJoin(classMembers, eq(classMembers.classId, classes.id))
    .where(eq(classes.ownerId, user.id));
  const [imports] = await db
    .select({ count: countDistinct(caseStudies.id) })
    .from(caseStudies)
    .where(eq(caseStudies.ownerId, user.id));
  const [taken] = await db
    .select({ count: countDistinct(attempts.id) })
    .from(attempts)
    .where(eq(attempts.userId, user.id));
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    classes: owned?.classes ?? 0,
    students: owned?.students ?? 0,
    caseStudies: imports?.count ?? 0,
    attempts: taken?.count ?? 0,
  };
}

export async function changeName({ name }: { name: string }): Promise<void> {
  const user = await requireUser();
  const db = await getDb();
  await db.update(users).set({ name }).where(eq(users.id, user.id));
}

/**
 * Changes the signed-in user's password, given the current one, and ends every session they have
 * (this one too: the caller signs the browser in again with the new password). Reset links mailed
 * before the change stop working.
 */
export async function changePassword(input: {
  currentPassword: string;
  newPassword: string;
  address: string;
}): Promise<DalResult<object, PasswordCheckError>> {
  const user = await requireUser();
  const refused = await confirmPassword(user, input.currentPassword, input.address);
  if (refused) return { ok: false, error: refused };
  const passwordHash = await hashPassword(input.newPassword);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
  });
  return { ok: true };
}

/**
 * Deletes the signed-in user's account, given their password. Nothing stays under their name:
 *   - their attempts stay for the question statistics, anonymised (no user; attempts.user_id is
 *     set null by the foreign key), and they leave every class;
 *   - classes they teach are closed: the class, its roster and its assignments go; the students'
 *     attempts for it stay the students' own, as practice;
 *   - case studies they imported stay (learners' attempts point at them) but are withdrawn to
 *     drafts, out of the shared library: with no owner left, a published one would otherwise look
 *     like part of the shipped library.
 */
export async function deleteOwnAccount(input: { password: string; address: string }): Promise<DalResult<object, PasswordCheckError>> {
  const user = await requireUser();
  const refused = await confirmPassword(user, input.password, input.address);
  if (refused) return { ok: false, error: refused };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(caseStudies).set({ status: 'draft', shared: false }).where(eq(caseStudies.ownerId, user.id));
    await tx.delete(users).where(eq(users.id, user.id));
  });
  return { ok: true };
}
