import type { NextAuthConfig } from 'next-auth';

/** Administrators are made only from the command line (`npm run user:role`), never through sign-up. */
export type Role = 'student' | 'instructor' | 'admin';
export const ROLES = ['student', 'instructor', 'admin'] as const satisfies readonly Role[];
export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

declare module 'next-auth' {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
  }
}

/** The edge-safe half of the auth setup: no database, no password hashing. */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  logger: {
    // A wrong password or a throttled sign-in is an expected outcome, answered on the form; not a
    // server error to log. Other errors are logged by name and message only: Auth.js errors can
    // wrap a failed query whose parameters hold a password hash.
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(`auth: ${error.name}: ${error.message}`);
    },
  },
  callbacks: {
    // Auth.js builds its base URL from the request's Host or X-Forwarded-Host (trustHost), which a
    // client writes, and stores the URL to return to in its callback-url cookie. Whatever it would
    // go back to is cut down to a path on this site, so no cookie or Location names another host.
    // (Our own actions redirect to fixed paths and pass redirect: false; this is for the rest.)
    redirect({ url }) {
      return sitePath(url);
    },
    jwt({ token, user }) {
      if (user?.id) {
        token.id = user.id;
        token.role = user.role;
        // Checked against the account on every request (lib/auth.ts): bumping it ends this session.
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.id === 'string') {
        session.user.id = token.id;
        session.user.role = isRole(token.role) ? token.role : 'student';
      }
      return session;
    },
  },
} satisfies NextAuthConfig;

/** The path, query and fragment of a URL, without its origin; never protocol-relative ("//host"). */
export function sitePath(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://site.invalid');
  } catch {
    return '/';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '/';
  return `${parsed.pathname.replace(/^\/+/, '/')}${parsed.search}${parsed.hash}`;
}
