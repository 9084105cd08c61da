'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { signIn, signOut } from '@/lib/auth';
import { validatedAction, type ActionState } from '@/lib/action';
import { createUser } from '@/lib/dal/users';
import { createFailureLimiter } from '@/lib/rate-limit';
import { signInSchema, signUpSchema } from '@/lib/validation/auth';

const WINDOW = 15 * 60 * 1000;
const perAccount = createFailureLimiter({ limit: 5, windowMs: WINDOW });
const perAddress = createFailureLimiter({ limit: 30, windowMs: WINDOW });
const TOO_MANY = 'Too many failed sign-ins. Wait 15 minutes and try again.';

async function clientAddress() {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'local';
}

/** Signs in and redirects; a wrong email or password gives one message for both. */
async function signInOrMessage(email: string, password: string, redirectTo: string): Promise<ActionState> {
  try {
    await signIn('credentials', { email, password, redirectTo });
    return { status: 'idle' };
  } catch (error) {
    if (error instanceof AuthError) {
      return { status: 'error', message: 'Email or password is incorrect.', values: { email } };
    }
    throw error; // the redirect after a successful sign-in travels as an exception
  }
}

export const signUpAction = validatedAction(
  signUpSchema,
  async (data) => {
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
  },
  { echo: ['name', 'email', 'role'] },
);

export const signInAction = validatedAction(
  signInSchema,
  async (data, formData) => {
    const address = await clientAddress();
    const accountKey = `account:${data.email}`;
    const addressKey = `address:${address}`;
    if (perAccount.isBlocked(accountKey) || perAddress.isBlocked(addressKey)) {
      return { status: 'error', message: TOO_MANY, values: { email: data.email } };
    }
    const next = String(formData.get('next') ?? '');
    const redirectTo = /^\/(?!\/)[\w\-/]*$/.test(next) ? next : '/dashboard';
    const result = await signInOrMessage(data.email, data.password, redirectTo);
    if (result.status === 'error') {
      perAccount.recordFailure(accountKey);
      perAddress.recordFailure(addressKey);
    }
    return result;
  },
  { echo: ['email'] },
);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
