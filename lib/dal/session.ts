import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { auth } from '@/lib/auth';
import type { Role } from '@/lib/auth.config';
import { isUuid } from '@/lib/ids';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

async function readCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const account = session?.account;
  if (!account || !isUuid(account.id) || account.id !== session.user?.id) return null;
  return { id: account.id, name: account.name, email: account.email, role: account.role };
}

/**
 * A server action's own scope for the signed-in user (lib/action.ts opens it): React's cache() is
 * not active while an action runs, and the action wrapper and every DAL call it makes would each
 * decrypt the session cookie and ask the database again.
 */
const actionScope = new AsyncLocalStorage<{ user?: Promise<CurrentUser | null> }>();
export const withSessionScope = <T>(run: () => Promise<T>): Promise<T> => actionScope.run({}, run);

/**
 * The signed-in user, read from the session and confirmed in the database in the same lookup (a
 * token for a deleted account, one from another database, or one issued before a sign-out counts
 * as signed out). Once per request, and once per server action.
 */
export const getCurrentUser = cache((): Promise<CurrentUser | null> => {
  const scope = actionScope.getStore();
  if (!scope) return readCurrentUser();
  return (scope.user ??= readCurrentUser());
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
