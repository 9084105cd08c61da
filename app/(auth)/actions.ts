'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { allowSignUp, signIn, signOut } from '@/lib/auth';
import { z } from 'zod';
import { createAction, type ActionState } from '@/lib/action';
import { getCurrentUser } from '@/lib/dal/session';
import { createUser, landingPathByEmail, revokeSessionsByUserId } from '@/lib/dal/users';
import { clientAddress } from '@/lib/security/client-address';
import { signInSchema, signUpSchema } from '@/lib/validation/auth';

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

export const signUpAction = createAction({ schema: signUpSchema, access: 'public', echo: ['name', 'email', 'role'] }, async ({ data }) => {
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
  return signInOrMessage(data.email, data.password, '/dashboard');
});

export const signInAction = createAction({ schema: signInSchema, access: 'public', echo: ['email'] }, async ({ data, formData }) => {
  const next = String(formData.get('next') ?? '');
  const redirectTo = /^\/(?!\/)[\w\-/]*$/.test(next) ? next : null;
  return signInOrMessage(data.email, data.password, redirectTo);
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
