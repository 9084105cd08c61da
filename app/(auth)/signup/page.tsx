import type { Metadata } from 'next';
import Link from 'next/link';
import { signUpAction } from '@/app/(auth)/actions';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { safeNextPath } from '@/lib/safe-path';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).callbackUrl) ?? undefined;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold text-slate-900">Create your account</h1>
      <p className="mb-6 text-sm text-slate-600">
        {next?.startsWith('/join')
          ? 'Create an account to join the class. Your join code is kept.'
          : 'Read case studies, take their quizzes and keep your progress.'}
      </p>
      <SignUpForm action={signUpAction} next={next} />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{' '}
        <Link
          href={next ? `/login?${new URLSearchParams({ callbackUrl: next })}` : '/login'}
          className="font-semibold text-indigo-700 underline"
        >
          Sign in
        </Link>
      </p>
    </>
  );
}
