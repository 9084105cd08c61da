import type { Metadata } from 'next';
import Link from 'next/link';
import { signInAction } from '@/app/(auth)/actions';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  let next: string | undefined;
  try {
    next = callbackUrl ? new URL(callbackUrl, 'http://local').pathname : undefined;
  } catch {
    next = undefined;
  }
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold text-slate-900">Sign in</h1>
      <p className="mb-6 text-sm text-slate-600">Welcome back. Your progress is where you left it.</p>
      <SignInForm action={signInAction} next={next} />
      <p className="mt-6 text-sm text-slate-600">
        New to Casewise?{' '}
        <Link href="/signup" className="font-semibold text-indigo-700 underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
