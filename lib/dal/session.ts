import 'server-only';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { auth } from '@/lib/auth';
import type { Role } from '@/lib/auth.config';
import { isUuid } from '@/lib/ids';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * The signed-in user, read from the session and confirmed in the database (a token for a deleted
 * account, or one from another database, counts as signed out).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
});

/** For every page and action that touches a user's data: signed-out visitors go to /login. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** For instructor-only reads and actions: anyone else gets null, which callers turn into a 404. */
export async function requireInstructor(): Promise<CurrentUser | null> {
  const user = await requireUser();
  return user.role === 'instructor' ? user : null;
}

/** For the administrator's reads and writes (the shared library): anyone else gets null, a 404. */
export async function requireAdmin(): Promise<CurrentUser | null> {
  const user = await requireUser();
  return user.role === 'admin' ? user : null;
}
