import { redirect } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import { getCurrentUser } from '@/lib/dal/session';

export default async function HomePage() {
  if (await getCurrentUser()) redirect('/dashboard');
  return (
    <section className="mx-auto max-w-2xl py-8 text-center sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-5xl">Learn business from real case studies</h1>
      <p className="mt-4 text-lg text-slate-700">
        Casewise turns case-study articles into short lessons with key points, writes a quiz for each lesson, and keeps track of what you
        have learned.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <ButtonLink href="/signup">Create account</ButtonLink>
        <ButtonLink href="/login" variant="secondary">
          Sign in
        </ButtonLink>
      </div>
    </section>
  );
}
