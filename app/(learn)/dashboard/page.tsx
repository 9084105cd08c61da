import type { Metadata } from 'next';
import Link from 'next/link';
import { LessonStatus } from '@/components/progress/lesson-status';
import { ProgressBar } from '@/components/ui/progress-bar';
import { getDashboard } from '@/lib/dal/dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const { user, cases, recent } = await getDashboard();
  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">Hello, {user.name}</h1>
        <p className="mt-1 text-slate-700">Your progress through each case study.</p>
      </header>

      <section aria-labelledby="progress-heading" className="flex flex-col gap-4">
        <h2 id="progress-heading" className="text-xl font-semibold">
          Your progress
        </h2>
        {cases.map((c) => (
          <article key={c.slug} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h3 className="text-lg font-semibold leading-snug">
              <Link href={`/cases/${c.slug}`} className="text-indigo-800 hover:underline">
                {c.title}
              </Link>
            </h3>
            <ProgressBar value={c.progress.percent} label={`Progress in ${c.title}`} className="mt-3" />
            <p className="mt-2 text-sm text-slate-700">
              {c.progress.done} of {c.progress.total} lessons done
            </p>
            <ul className="mt-4 divide-y divide-slate-100" aria-label={`Lessons of ${c.title}`}>
              {c.lessons.map((l) => (
                <li key={l.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                  <Link href={`/cases/${c.slug}/lessons/${l.slug}`} className="text-slate-800 hover:underline">
                    {l.title}
                  </Link>
                  <LessonStatus progress={l.progress} />
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="text-xl font-semibold">
          Recent quizzes
        </h2>
        {recent.length === 0 ? (
          <p className="mt-2 text-slate-700">
            No quizzes yet. <Link href="/cases" className="font-semibold text-indigo-700 underline">Pick a case study</Link> to start.
          </p>
        ) : (
          <ul className="mt-3 flex flex-col gap-2">
            {recent.map((a) => (
              <li key={a.id} className="flex flex-col rounded-lg border border-slate-200 bg-white px-4 py-3 sm:flex-row sm:justify-between">
                <span>
                  <Link href={`/attempts/${a.id}`} className="text-indigo-800 hover:underline">
                    {a.lessonTitle}
                  </Link>
                  <span className="block text-sm text-slate-600">{a.caseTitle}</span>
                </span>
                <span className="text-sm text-slate-700 sm:self-center">
                  {a.score} of {a.maxScore}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
