import type { Metadata } from 'next';
import Link from 'next/link';
import { signUpAction } from '@/app/(auth)/actions';
import { SignUpForm } from '@/components/auth/sign-up-form';

export const metadata: Metadata = { title: 'Create your account' };

export default function SignUpPage() {
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold text-slate-900">Create your account</h1>
      <p className="mb-6 text-sm text-slate-600">Read case studies, take their quizzes and keep your progress.</p>
      <SignUpForm action={signUpAction} />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{' '}
        <Link href="/login" className="font-semibold text-indigo-700 underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
