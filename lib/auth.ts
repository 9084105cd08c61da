import 'server-only';
import { cache } from 'react';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './auth.config';
import { isSessionCurrent } from './dal/users';
import { checkSignIn } from './dal/internal/sign-in';
import { clientAddress } from './security/client-address';
import { signInSchema } from './validation/auth';

/** Thrown from authorize() so the form can say "wait" rather than "wrong password". */
class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

const nextAuth = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      // The one place a password is checked, whichever route asked: the throttle lives here.
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkSignIn({ ...parsed.data, address: clientAddress(request.headers) });
        if (result.status === 'throttled') throw new ThrottledSignIn();
        if (result.status === 'invalid') return null;
        const { id, name, email, role, sessionVersion } = result.user;
        return { id, name, email, role, sessionVersion };
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // Runs on every session read: a token from before a sign-out, password or role change, or for
    // a deleted account, is refused and its cookie cleared.
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (params.user) return token;
      const current = typeof token.id === 'string' && (await isSessionCurrent({ id: token.id, sessionVersion: token.sv }));
      return current ? token : null;
    },
  },
});

export const { handlers, signIn, signOut } = nextAuth;
/** The sign-up limit per address, for the sign-up action: like the password check, it runs before any session. */
export { allowSignUp } from './dal/internal/sign-in';
/** One session read per request, however many components ask. */
export const auth = cache(nextAuth.auth);
