import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import NextAuth, { CredentialsSignin, type Session } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './auth.config';
import { getSessionAccount, type SessionAccount } from './dal/users';
import { checkSignIn } from './dal/internal/sign-in';
import { clientAddress } from './security/client-address';
import { decodeSessionToken, sessionCookieName, sessionSecrets, sessionTokenFrom } from './session-token';
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
    // Runs when Auth.js's own session endpoint reads a session (auth() below does its own check): a
    // token from before a sign-out, password or role change, or for a deleted account, is refused
    // and its cookie cleared.
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (params.user) return token;
      const account = typeof token.id === 'string' ? await getSessionAccount({ id: token.id, sessionVersion: token.sv }) : null;
      return account ? token : null;
    },
  },
});

export const { handlers, signIn, signOut } = nextAuth;
/** The sign-up limit per address, for the sign-up action: like the password check, it runs before any session. */
export { allowSignUp } from './dal/internal/sign-in';
/**
 * The session, read once per request however many components ask, with the account it belongs to
 * as the database has it now (one lookup). Throws when the database could not be asked whether
 * the session is still valid: that is not "signed out", and a learner mid-quiz sent to /login
 * would lose their answers; the action or page says the database is down instead.
 *
 * It reads and decodes the cookie itself (lib/session-token.ts) rather than through Auth.js's
 * session endpoint, which re-encrypts a cookie on every call that a page cannot set anyway; the
 * checks are the same: the cookie decrypts under AUTH_SECRET, has not expired, and names an
 * account whose session version it carries.
 */
export const auth = cache(async (): Promise<(Session & { account: SessionAccount }) | null> => {
  const name = sessionCookieName(process.env, (await headers()).get('x-forwarded-proto'));
  const token = sessionTokenFrom((await cookies()).getAll(), name);
  if (!token) return null;
  const claims = await decodeSessionToken(token, { secrets: sessionSecrets(process.env), salt: name });
  if (!claims || typeof claims.id !== 'string') return null;
  const account = await getSessionAccount({ id: claims.id, sessionVersion: claims.sv });
  if (!account || account.id !== claims.id) return null;
  return {
    user: { id: account.id, name: account.name, email: account.email, role: account.role },
    expires: new Date(((claims.exp as number | undefined) ?? 0) * 1000).toISOString(),
    account,
  };
});
