import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { cache } from 'react';
import NextAuth, { CredentialsSignin, type Session } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './auth.config';
import { getSessionAccount, type SessionAccount } from './dal/users';
import { checkSignIn } from './dal/internal/sign-in';
import { clientAddress } from './security/client-address';
import { signInSchema } from './validation/auth';

/** Thrown from authorize() so the form can say "wait" rather than "wrong password". */
class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

/**
 * Per session read: the account the jwt callback found for the token, or the error that kept it
 * from checking the session. Not React's cache(): that is not active while a server action runs.
 */
type SessionCheck = { failure?: unknown; account?: SessionAccount };
const sessionCheck = new AsyncLocalStorage<SessionCheck>();

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
      let account: SessionAccount | null;
      try {
        account = typeof token.id === 'string' ? await getSessionAccount({ id: token.id, sessionVersion: token.sv }) : null;
      } catch (error) {
        // The database did not answer. That is not "signed out": Auth.js would turn any error here
        // into no session, and the learner mid-quiz would be sent to /login with their answers lost.
        // auth() below throws it instead, so the action or page says the database is down.
        const check = sessionCheck.getStore();
        if (check) check.failure = error;
        throw error;
      }
      // The row just read is the signed-in user: lib/dal/session.ts does not read it again.
      const check = sessionCheck.getStore();
      if (check && account) check.account = account;
      return account ? token : null;
    },
  },
});

export const { handlers, signIn, signOut } = nextAuth;
/** The sign-up limit per address, for the sign-up action: like the password check, it runs before any session. */
export { allowSignUp } from './dal/internal/sign-in';
/**
 * The session, read once per request however many components ask, with the account it belongs to
 * as the database has it now (the jwt callback's one lookup). Throws when the database could not be
 * asked whether the session is still valid (see the jwt callback).
 */
export const auth = cache(async (): Promise<(Session & { account: SessionAccount }) | null> => {
  const check: SessionCheck = {};
  const session = await sessionCheck.run(check, () => nextAuth.auth());
  if (check.failure) throw check.failure;
  if (!session?.user?.id || check.account?.id !== session.user.id) return null;
  return { ...session, account: check.account };
});
