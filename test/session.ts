import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { isUuid } from '@/lib/ids';

/** Who the mocked next-auth session says is signed in (null: nobody), and how often it was read. */
export const session = { userId: null as string | null, reads: 0 };

/**
 * Stands in for lib/auth in integration tests: `vi.mock('@/lib/auth', () => import('@/test/session'))`.
 * Like the real one, it confirms the account in the database and returns it with the session (a
 * deleted account is signed out).
 */
export async function auth() {
  session.reads++;
  if (!session.userId || !isUuid(session.userId)) return null;
  const db = await getDb();
  const [account] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.id, session.userId));
  return account ? { user: { id: session.userId }, account } : null;
}
export async function signIn() {}
export async function signOut() {}
export const handlers = {};

export function signInAs(userId: string | null) {
  session.userId = userId;
}
