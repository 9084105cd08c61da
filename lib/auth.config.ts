import type { NextAuthConfig } from 'next-auth';

export type Role = 'student' | 'instructor';

declare module 'next-auth' {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
  }
}

const PROTECTED = [/^\/dashboard/, /^\/cases/];

/** The edge-safe half of the auth setup: no database, no password hashing. */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  logger: {
    // A wrong password is an expected outcome, answered on the form; not a server error to log.
    error(error) {
      if (error.name !== 'CredentialsSignin') console.error(error);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.id = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.id === 'string') {
        session.user.id = token.id;
        session.user.role = token.role === 'instructor' ? 'instructor' : 'student';
      }
      return session;
    },
    // A convenience redirect for signed-out visitors; the real checks live in lib/dal.
    authorized({ auth, request }) {
      const needsUser = PROTECTED.some((re) => re.test(request.nextUrl.pathname));
      return needsUser ? Boolean(auth?.user?.id) : true;
    },
  },
} satisfies NextAuthConfig;
