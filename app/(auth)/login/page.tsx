import type { Metadata } from 'next';
import Link from 'next/link';
import { signInAction } from '@/app/(auth)/actions';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Alert } from '@/components/ui/alert';
import { safeNextPath } from '@/lib/safe-path';

export const metadata: Metadata = { title: 'Sign in' };

type Params = { callbackUrl?: string | string[]; reset?: string; deleted?: string };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { callbackUrl, reset, deleted } = await searchParams;
  const next = safeNextPath(callbackUrl) ?? undefined;
  const joining = next?.startsWith('/join');
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold text-slate-900">Sign in</h1>
      <p className="mb-6 text-sm text-slate-600">
        {joining
          ? 'Sign in, or create an account, to join the class. Your join code is kept.'
          : 'Welcome back. Your progress is where you left it.'}
      </p>
      {reset === '1' && (
        <div className="mb-4">
          <Alert tone="info">Your new password is set. Sign in with it.</Alert>
        </div>
      )}
      {deleted === '1' && (
        <div className="mb-4">
          <Alert tone="info">Your account has been deleted.</Alert>
        </div>
      )}
      <SignInForm action={signInAction} next={next} />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="font-semibold text-indigo-700 underline">
          Forgot password?
        </Link>
      </p>
      <p className="mt-6 text-sm text-slate-600">
        New to Casewise?{' '}
        <Link
          href={next ? `/signup?${new URLSearchParams({ callbackUrl: next })}` : '/signup'}
          className="font-semibold text-indigo-700 underline"
        >
          Create an account
        </Link>
      </p>
    </>
  );
}
