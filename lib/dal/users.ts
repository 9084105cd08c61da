import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/password';
import type { SignInInput, SignUpInput } from '@/lib/validation/auth';

export type CreateUserResult = { ok: true; id: string } | { ok: false; error: 'email_taken' };

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

/** The user for these credentials, or null. Unknown email and wrong password look the same. */
export async function verifyCredentials(input: SignInInput) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, input.email));
  const valid = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!row || !valid) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}
