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
