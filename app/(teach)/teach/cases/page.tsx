import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { listMyCaseStudies } from '@/lib/dal/authoring';

export const metadata: Metadata = { title: 'Your case studies' };

export default async function MyCaseStudiesPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const [cases, query] = await Promise.all([listMyCaseStudies(), searchParams]);
  if (!cases) notFound();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">Your case studies</h1>
          <p className="mt-1 text-slate-700">Import an article, review its questions, then publish it for your classes.</p>
        </div>
        <ButtonLink href="/teach/cases/new">Import a case study</ButtonLink>
      </header>
      {query.deleted && <Alert tone="info">Case study deleted.</Alert>}
      {cases.length === 0 ? (
        <p className="text-slate-700">
          You have not imported any case study yet. The shipped one is in the{' '}
          <Link href="/cases" className="text-indigo-700 underline">
            library
          </Link>{' '}
          and ready to assign.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {cases.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <Link href={`/teach/cases/${c.id}`} className="font-medium text-indigo-800 hover:underline">
                {c.title}
              </Link>
              <span className="flex gap-1">
                <span
                  className={`rounded px-2 py-0.5 text-xs font-semibold ${c.status === 'published' ? 'bg-emerald-100 text-emerald-900' : 'bg-amber-100 text-amber-900'}`}
                >
                  {c.status === 'published' ? 'Published' : 'Draft'}
                </span>
                {c.archivedAt && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">Archived</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
