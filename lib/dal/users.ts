import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import type { Role } from '@/lib/auth.config';
import { dummyPasswordHash, hashPassword, verifyPasswordInSlot, withHashSlot } from '@/lib/password';
import type { SignInInput, SignUpInput } from '@/lib/validation/auth';

type CreateUserResult = { ok: true; id: string } | { ok: false; error: 'email_taken' };

export async function createUser(input: SignUpInput): Promise<CreateUserResult> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ name: input.name, email: input.email, passwordHash, role: input.role })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return row ? { ok: true, id: row.id } : { ok: false, error: 'email_taken' };
}

export interface VerifiedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
}

/** As verifyCredentials, for a caller that already holds a hashing slot. */
export async function verifyCredentialsInSlot(input: SignInInput): Promise<VerifiedUser | null> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, input.email));
  const valid = await verifyPasswordInSlot(row?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!row || !valid) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role, sessionVersion: row.sessionVersion };
}

/** The user for these credentials, or null. Unknown email and wrong password look the same. */
export function verifyCredentials(input: SignInInput): Promise<VerifiedUser | null> {
  return withHashSlot(() => verifyCredentialsInSlot(input));
}

/** Ends every session of the user: tokens carry the version they were issued with. */
export async function revokeSessionsByUserId({ id }: { id: string }): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id));
}

/** The account behind a session token, as pages and actions use it. */
export interface SessionAccount {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * The account a session token belongs to while the account exists and no sign-out, password or
 * role change came after the token; null otherwise. The one user lookup of a request: the session
 * check and the signed-in user are the same read.
 */
export async function getSessionAccount({ id, sessionVersion }: { id: string; sessionVersion: unknown }): Promise<SessionAccount | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id) || typeof sessionVersion !== 'number') return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id));
  if (!row || row.sessionVersion !== sessionVersion) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

/** True while the account exists and no sign-out, password or role change came after the token. */
export async function isSessionCurrent(token: { id: string; sessionVersion: unknown }): Promise<boolean> {
  return (await getSessionAccount(token)) !== null;
}

/**
 * Where an account lands after signing in: an instructor on their teaching home, anyone else on
 * the dashboard. Called only once the password was checked for this email, so it reveals nothing.
 */
export async function landingPathByEmail({ email }: { email: string }): Promise<'/teach' | '/dashboard'> {
  const db = await getDb();
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.email, email));
  return row?.role === 'instructor' ? '/teach' : '/dashboard';
}
