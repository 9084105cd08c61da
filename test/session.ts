/** Who the mocked next-auth session says is signed in (null: nobody). */
export const session = { userId: null as string | null };

/** Stands in for lib/auth in integration tests: `vi.mock('@/lib/auth', () => import('@/test/session'))`. */
export async function auth() {
  return session.userId ? { user: { id: session.userId } } : null;
}
export async function signIn() {}
export async function signOut() {}
export const handlers = {};

export function signInAs(userId: string | null) {
  session.userId = userId;
}
