import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { listPublishedImports } from '@/lib/dal/shared-library';
import { formatShortDate } from '@/lib/format';
import { setSharedAction } from './actions';

export const metadata: Metadata = { title: 'Shared library' };

/** The administrator's page: which instructors' published imports every learner sees. */
export default async function AdminPage() {
  const imports = await listPublishedImports();
  if (!imports) notFound();
  const shared = imports.filter((c) => c.shared).length;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">Shared library</h1>
        <p className="mt-1 text-slate-700">
          Instructors’ imports are private to them and their classes. Promote one to put it in every learner’s library and let every
          instructor assign it; remove it to make it private again. Attempts are never lost either way. The shipped case studies are always
          shared.
        </p>
      </header>
      <section aria-labelledby="imports-heading" className="flex flex-col gap-3">
        <h2 id="imports-heading" className="text-lg font-semibold">
          Published imports ({imports.length}, {shared} shared)
        </h2>
        {imports.length === 0 ? (
          <p className="text-slate-700">No instructor has published an import yet. Drafts stay with their authors and are not listed.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {imports.map((c) => (
              <li key={c.id} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/cases/${c.slug}`} className="font-medium break-words text-indigo-800 hover:underline">
                      {c.title}
                    </Link>
                    <span
                      className={`rounded px-2 py-0.5 text-xs font-semibold ${c.shared ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-100 text-slate-800'}`}
                    >
                      {c.shared ? 'Shared' : 'Private'}
                    </span>
                  </div>
                  <p className="mt-1 text-sm break-words text-slate-700">
                    By {c.owner.name} ({c.owner.email}) · {c.lessons} {c.lessons === 1 ? 'lesson' : 'lessons'} · {c.questions}{' '}
                    {c.questions === 1 ? 'question' : 'questions'} · updated {formatShortDate(c.updatedAt)}
                  </p>
                </div>
                <ActionForm
                  action={setSharedAction}
                  submit={c.shared ? 'Remove from shared library' : 'Promote to shared library'}
                  variant={c.shared ? 'secondary' : 'primary'}
                  className="flex flex-col gap-2 sm:w-64 sm:shrink-0"
                >
                  <input type="hidden" name="caseStudyId" value={c.id} />
                  <input type="hidden" name="shared" value={c.shared ? 'false' : 'true'} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
