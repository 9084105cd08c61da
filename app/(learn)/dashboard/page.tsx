import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { LessonStatus } from '@/components/progress/lesson-status';
import { ScoreHistory } from '@/components/progress/score-history';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Alert } from '@/components/ui/alert';
import { getAssignedToMe, getJoinedClassName } from '@/lib/dal/classes';
import { getDashboard } from '@/lib/dal/dashboard';
import { formatDateTime, formatShortDate } from '@/lib/format';
import { formatPoints, PASS_MARK, percentOf } from '@/lib/progress/score';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ joined?: string | string[] }> }) {
  const { joined } = await searchParams;
  const [{ user, cases, recent, history, review }, assigned, joinedClass] = await Promise.all([
    getDashboard(),
    getAssignedToMe(),
    typeof joined === 'string' ? getJoinedClassName({ classId: joined }) : null,
  ]);
  const now = new Date();
  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">Hello, {user.name}</h1>
        <p className="mt-1 text-slate-700">Your progress through each case study.</p>
      </header>
      {joinedClass && <Alert tone="info">You joined {joinedClass}. Its assignments appear under “Assigned to you”.</Alert>}

      <section aria-labelledby="review-heading" className="rounded-xl border border-indigo-200 bg-indigo-50 p-4 sm:p-5">
        <h2 id="review-heading" className="text-xl font-semibold">
          Review
        </h2>
        <p className="mt-1 text-slate-800">
          {review.due > 0
            ? `${review.due} ${review.due === 1 ? 'question is' : 'questions are'} due for review now.`
            : review.nextDue
              ? 'Nothing is due for review now.'
              : 'Questions you answer in quizzes come back here for review.'}{' '}
          {review.nextDue && `The next ${review.due > 0 ? 'after those' : 'one'} comes due ${formatDateTime(review.nextDue)}.`}
        </p>
        {review.due > 0 && (
          <Link
            href="/review"
            className="mt-3 inline-flex min-h-11 items-center rounded-lg bg-indigo-700 px-4 font-semibold text-white hover:bg-indigo-800"
          >
            Review {review.due} {review.due === 1 ? 'question' : 'questions'}
          </Link>
        )}
      </section>

      {assigned.length > 0 && (
        <section aria-labelledby="assigned-heading" className="flex flex-col gap-3">
          <h2 id="assigned-heading" className="text-xl font-semibold">
            Assigned to you
          </h2>
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {assigned.map((a) => {
              const overdue = a.attempts === 0 && a.dueAt < now;
              return (
                <li key={a.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <Link
                      href={`/cases/${a.caseSlug}/lessons/${a.lessonSlug}/quiz?assignment=${a.id}`}
                      className="font-medium text-indigo-800 hover:underline"
                    >
                      {a.lessonTitle}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {a.className} · {a.caseTitle}
                    </p>
                  </div>
                  <p className="text-sm">
                    <span className={overdue ? 'font-semibold text-red-800' : 'text-slate-700'}>
                      {overdue ? 'Overdue since' : 'Due'} <LocalDateTime date={a.dueAt} />
                    </span>
                    {a.attempts > 0 && (
                      <span className="ml-2 text-slate-700">
                        · {Math.round((a.score ?? 0) * 100)}% ({a.attempts}
                        {a.attemptsAllowed ? ` of ${a.attemptsAllowed}` : ''}{' '}
                        {a.attempts === 1 && !a.attemptsAllowed ? 'attempt' : 'attempts'})
                      </span>
                    )}
                    {a.late && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">late</span>}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      )}

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

      {history.length > 1 && (
        <section aria-labelledby="scores-heading" className="flex flex-col gap-3">
          <h2 id="scores-heading" className="text-xl font-semibold">
            Your scores over time
          </h2>
          <ScoreHistory
            passPercent={Math.round(PASS_MARK * 100)}
            points={history.map((h) => ({
              label: `${h.lessonTitle}, ${formatShortDate(h.submittedAt)}`,
              percent: percentOf(h.score, h.maxScore),
            }))}
          />
        </section>
      )}

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="text-xl font-semibold">
          Recent quizzes
        </h2>
        {recent.length === 0 ? (
          <p className="mt-2 text-slate-700">
            No quizzes yet.{' '}
            <Link href="/cases" className="font-semibold text-indigo-700 underline">
              Pick a case study
            </Link>{' '}
            to start.
          </p>
        ) : (
          <ul className="mt-3 flex flex-col gap-2">
            {recent.map((a) => (
              <li key={a.id} className="flex flex-col rounded-lg border border-slate-200 bg-white px-4 py-3 sm:flex-row sm:justify-between">
                <span>
                  <Link href={`/attempts/${a.id}`} className="text-indigo-800 hover:underline">
                    {a.lessonTitle}
                  </Link>
                  <span className="block text-sm text-slate-600">
                    {a.caseTitle} · {a.className ?? 'practice'}
                  </span>
                </span>
                <span className="text-sm text-slate-700 sm:self-center sm:text-right">
                  {formatPoints(a.score)} of {a.maxScore} ({percentOf(a.score, a.maxScore)}%)
                  <span className="block text-slate-600">{formatShortDate(a.submittedAt)}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
