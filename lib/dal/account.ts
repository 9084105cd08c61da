import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { caseStudies, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/password';
import { requireUser } from './session';

type ChangePasswordResult = { ok: true } | { ok: false; error: 'wrong_password' };

/** Changes the signed-in user's password and ends every session they have, this one included. */
export async function changePassword(input: { currentPassword: string; newPassword: string }): Promise<ChangePasswordResult> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) return { ok: false, error: 'wrong_password' };
  const passwordHash = await hashPassword(input.newPassword);
  await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, user.id));
  return { ok: true };
}

/**
 * Deletes the signed-in user's account; their attempts and classes go with it. Their case studies
 * stay (learners' attempts point at them) but are withdrawn to drafts, and out of the shared library,
 * first: with no owner left a published one would otherwise look like part of the shipped library.
 */
export async function deleteOwnAccount(): Promise<void> {
  const user = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(caseStudies).set({ status: 'draft', shared: false }).where(eq(caseStudies.ownerId, user.id));
    await tx.delete(users).where(eq(users.id, user.id));
  });
}
