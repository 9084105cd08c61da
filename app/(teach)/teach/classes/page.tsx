import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { createClassAction } from '@/app/(teach)/class-actions';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { listMyClasses } from '@/lib/dal/classes';

export const metadata: Metadata = { title: 'Your classes' };

export default async function ClassesPage() {
  const classes = await listMyClasses();
  if (!classes) notFound();
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">Your classes</h1>
        <p className="mt-1 text-slate-700">Create a class, hand out its join code, assign lessons and read the gradebook.</p>
      </header>
      <section aria-labelledby="new-class" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="new-class" className="mb-3 text-lg font-semibold">
          New class
        </h2>
        <ActionForm action={createClassAction} submit="Create class" pendingLabel="Creating…">
          <Field label="Class name" name="name" required maxLength={120} placeholder="Strategy 101, spring term" />
        </ActionForm>
      </section>
      <section aria-labelledby="class-list">
        <h2 id="class-list" className="mb-3 text-lg font-semibold">
          Classes
        </h2>
        {classes.length === 0 ? (
          <p className="text-slate-700">No classes yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {classes.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 px-4 py-3">
                <Link href={`/teach/classes/${c.id}`} className="font-medium text-indigo-800 hover:underline">
                  {c.name}
                </Link>
                <span className="font-mono text-sm text-slate-600">{c.joinCode}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
