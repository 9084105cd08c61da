import type { Metadata } from 'next';
import Link from 'next/link';
import { forgotPasswordAction } from '@/app/(auth)/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold text-slate-900">Forgot your password?</h1>
      <p className="mb-6 text-sm text-slate-600">Enter the email you signed up with. We will mail you a link to set a new password.</p>
      <ActionForm action={forgotPasswordAction} submit="Send reset link" pendingLabel="Sending…">
        <Field label="Email" name="email" type="email" autoComplete="email" required maxLength={254} />
      </ActionForm>
      <p className="mt-6 text-sm text-slate-600">
        Remembered it?{' '}
        <Link href="/login" className="font-semibold text-indigo-700 underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
