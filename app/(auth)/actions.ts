'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { allowSignUp, signIn, signOut } from '@/lib/auth';
import { z } from 'zod';
import { createAction, type ActionState } from '@/lib/action';
import { allowPasswordResetRequest, createPasswordResetToken, resetPasswordWithToken } from '@/lib/dal/password-reset';
import { getCurrentUser } from '@/lib/dal/session';
import { createUser, landingPathByEmail, revokeSessionsByUserId } from '@/lib/dal/users';
import { appUrl } from '@/lib/env';
import { passwordResetLink, passwordResetMail } from '@/lib/mail/password-reset-mail';
import { sendMail } from '@/lib/mail/send-mail';
import { safeNextPath } from '@/lib/safe-path';
import { clientAddress } from '@/lib/security/client-address';
import { forgotPasswordSchema, resetPasswordSchema, signInSchema, signUpSchema } from '@/lib/validation/auth';

const TOO_MANY = 'Too many failed sign-ins from here. Wait a few minutes and try again.';

/**
 * Signs in, then redirects to a path of ours. Auth.js is told not to redirect: its redirect URL
 * is built from the request's (X-Forwarded-)Host, which a client can set.
 */
async function signInOrMessage(email: string, password: string, redirectTo: string | null): Promise<ActionState> {
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'throttled') {
      return { status: 'error', message: TOO_MANY, values: { email } };
    }
    if (error instanceof AuthError) {
      return { status: 'error', message: 'Email or password is incorrect.', values: { email } };
    }
    throw error;
  }
  // No page asked for: instructors land on their teaching home.
  redirect(redirectTo ?? (await landingPathByEmail({ email })));
}

export const signUpAction = createAction(
  { schema: signUpSchema, access: 'public', echo: ['name', 'email', 'role'] },
  async ({ data, formData }) => {
    if (!(await allowSignUp({ address: clientAddress(await headers()) }))) {
      return {
        status: 'error',
        message: 'Too many accounts were created from here recently. Try again in an hour.',
        values: { name: data.name, email: data.email, role: data.role },
      };
    }
    const created = await createUser(data);
    if (!created.ok) {
      return {
        status: 'error',
        message: 'An account with this email already exists. Sign in instead.',
        fieldErrors: { email: ['An account with this email already exists.'] },
        values: { name: data.name, email: data.email, role: data.role },
      };
    }
    // A join link opened while signed out comes back here (safeNextPath: a path of this site only).
    return signInOrMessage(data.email, data.password, safeNextPath(formData.get('next')) ?? '/dashboard');
  },
);

export const signInAction = createAction({ schema: signInSchema, access: 'public', echo: ['email'] }, async ({ data, formData }) => {
  return signInOrMessage(data.email, data.password, safeNextPath(formData.get('next')));
});

/** The same words whether or not the email has an account: the form must not tell who is registered. */
const RESET_SENT =
  'If an account uses that email, we have sent it a link to set a new password. The link works once, within an hour. Check your spam folder too.';

/**
 * "Forgot password": counts the request (by email and by address, known or not), answers at once,
 * and only after the response looks the email up, makes the token and sends the mail, so neither
 * the words nor the time taken tell whether the email has an account.
 */
export const forgotPasswordAction = createAction({ schema: forgotPasswordSchema, access: 'public', echo: ['email'] }, async ({ data }) => {
  if (!(await allowPasswordResetRequest({ email: data.email, address: clientAddress(await headers()) }))) {
    return {
      status: 'error',
      message: 'Too many reset links were asked for this email or from here. Wait an hour, then try again.',
      values: { email: data.email },
    };
  }
  after(async () => {
    try {
      const made = await createPasswordResetToken({ email: data.email });
      if (!made) return;
      await sendMail(passwordResetMail({ to: made.to, name: made.name, link: passwordResetLink(appUrl(), made.token) }));
    } catch (error) {
      // Never the message's text or the token: only why it failed.
      console.error(
        `mail: the password reset mail was not sent (${(error as Error)?.name ?? 'error'}: ${(error as { code?: string })?.code ?? 'no code'})`,
      );
    }
  });
  return { status: 'success', message: RESET_SENT };
});

export const resetPasswordAction = createAction({ schema: resetPasswordSchema, access: 'public' }, async ({ data }) => {
  const reset = await resetPasswordWithToken({ token: data.token, password: data.password });
  if (!reset.ok) {
    return { status: 'error', message: 'This link has expired or has been used already. Ask for a new one on the “Forgot password” page.' };
  }
  redirect('/login?reset=1');
});

/**
 * Ends every session of the user on the server first, so a copied cookie is dead too. Public: a
 * visitor whose session already ended still gets a clean sign-out and the sign-in page.
 */
export const signOutAction = createAction({ schema: z.object({}), access: 'public' }, async () => {
  const user = await getCurrentUser();
  if (user) await revokeSessionsByUserId({ id: user.id });
  await signOut({ redirect: false });
  redirect('/login');
});
