import type { Metadata } from 'next';
import Link from 'next/link';
import { ProgressBar } from '@/components/ui/progress-bar';
import { listCaseStudies } from '@/lib/dal/catalog';

export const metadata: Metadata = { title: 'Library' };

export default async function LibraryPage() {
  const cases = await listCaseStudies();
  return (
    <>
      <h1 className="text-2xl font-bold sm:text-3xl">Library</h1>
      <p className="mt-1 text-slate-700">Case studies you can read and be quizzed on.</p>
      {cases.length === 0 ? (
        <p className="mt-8 text-slate-700">No case studies yet.</p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {cases.map((c) => (
            <li key={c.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h2 className="text-lg font-semibold leading-snug">
                <Link href={`/cases/${c.slug}`} className="text-indigo-800 hover:underline">
                  {c.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                {c.progress.total} lessons · {c.readingMinutes} min read
              </p>
              <ProgressBar value={c.progress.percent} label={`Progress in ${c.title}`} className="mt-4" />
              <p className="mt-2 text-sm text-slate-700">
                {c.progress.done} of {c.progress.total} lessons done
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
