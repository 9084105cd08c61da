'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, signOut } from '@/lib/auth';
import { createAction } from '@/lib/action';
import { changeName, changePassword, deleteOwnAccount } from '@/lib/dal/account';
import { setDesiredRetention } from '@/lib/dal/review';
import { clientAddress } from '@/lib/security/client-address';
import { changeNameSchema, changePasswordSchema, deleteAccountSchema } from '@/lib/validation/auth';
import { retentionSchema, RETENTION_RANGE_MESSAGE } from '@/lib/validation/retention';

const PASSWORD_ERRORS = {
  wrong_password: 'Your current password is not right.',
  throttled: 'Too many wrong passwords from here. Wait a few minutes and try again.',
} as const;

export const changeNameAction = createAction({ schema: changeNameSchema, access: 'user', echo: ['name'] }, async ({ data }) => {
  await changeName({ name: data.name });
  // The header shows the name on every page.
  revalidatePath('/', 'layout');
  return { status: 'success', message: `Your name is now ${data.name}.` };
});

/**
 * Ends every session of the account (a stolen cookie dies with the old password), then signs this
 * browser in again with the new password so the person changing it stays signed in here.
 */
export const changePasswordAction = createAction({ schema: changePasswordSchema, access: 'user' }, async ({ data, user }) => {
  const changed = await changePassword({
    currentPassword: data.currentPassword,
    newPassword: data.newPassword,
    address: clientAddress(await headers()),
  });
  if (!changed.ok) {
    return { status: 'error', message: PASSWORD_ERRORS[changed.error], fieldErrors: { currentPassword: [PASSWORD_ERRORS[changed.error]] } };
  }
  let signedIn = true;
  try {
    await signIn('credentials', { email: user.email, password: data.newPassword, redirect: false });
  } catch (error) {
    console.error(`account: signing in again after a password change failed (${(error as Error)?.name ?? 'error'})`);
    signedIn = false;
  }
  // A redirect, not a re-render of this request: the page must be read with the new session cookie.
  redirect(signedIn ? '/account?changed=password' : '/login');
});

export const deleteAccountAction = createAction({ schema: deleteAccountSchema, access: 'user' }, async ({ data }) => {
  const deleted = await deleteOwnAccount({ password: data.password, address: clientAddress(await headers()) });
  if (!deleted.ok) return { status: 'error', message: PASSWORD_ERRORS[deleted.error] };
  await signOut({ redirect: false });
  redirect('/login?deleted=1');
});

/** The learner's spaced-review target; the DAL checks the range again, so a forged value changes nothing. */
export const saveRetentionAction = createAction({ schema: retentionSchema, access: 'user' }, async ({ data }) => {
  const saved = await setDesiredRetention({ retention: data.retention });
  if (!saved.ok) return { status: 'error', message: RETENTION_RANGE_MESSAGE, fieldErrors: { retention: [RETENTION_RANGE_MESSAGE] } };
  revalidatePath('/account');
  return { status: 'success', message: `Retention target saved: ${Math.round(saved.retention * 100)}%. It applies from your next answer.` };
});
