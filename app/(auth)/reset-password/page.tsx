import type { Metadata } from 'next';
import Link from 'next/link';
import { resetPasswordAction } from '@/app/(auth)/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { isPasswordResetTokenUsable } from '@/lib/dal/password-reset';

export const metadata: Metadata = { title: 'Set a new password', referrer: 'no-referrer' };

/** Opening the link spends nothing (mail scanners open links too): only submitting the form does. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const usable = typeof token === 'string' && (await isPasswordResetTokenUsable({ token }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold text-slate-900">Set a new password</h1>
      {usable ? (
        <>
          <p className="mb-6 text-sm text-slate-600">Choose a new password. Every device signed in to your account is signed out.</p>
          <ActionForm action={resetPasswordAction} submit="Set new password" pendingLabel="Setting…">
            <input type="hidden" name="token" value={token} />
            <Field
              label="New password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              hint="At least 8 characters."
            />
          </ActionForm>
        </>
      ) : (
        <div className="flex flex-col gap-4">
          <Alert>This link has expired or has been used already.</Alert>
          <p className="text-sm text-slate-700">
            <Link href="/forgot-password" className="font-semibold text-indigo-700 underline">
              Ask for a new link
            </Link>
          </p>
        </div>
      )}
    </>
  );
}
