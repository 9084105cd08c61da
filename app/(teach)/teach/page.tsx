import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { getTeachingHome } from '@/lib/dal/teaching-home';
import { formatDateTime } from '@/lib/format';
import { MIN_ATTEMPTS_FOR_FLAGS } from '@/lib/stats/quiz-report';

export const metadata: Metadata = { title: 'Teaching' };

export default async function TeachingHomePage() {
  const home = await getTeachingHome();
  if (!home) notFound();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold sm:text-3xl">Teaching</h1>
        <p className="text-slate-700">Your classes at a glance: who is in them, what is due, what needs you.</p>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href="/teach/classes">New class</ButtonLink>
          <ButtonLink href="/teach/cases/new" variant="secondary">
            Import a case study
          </ButtonLink>
          <ButtonLink href="/teach/cases" variant="secondary">
            Your case studies
          </ButtonLink>
        </div>
      </header>
      {home.classes.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-5 text-slate-700 shadow-sm">
          No classes yet.{' '}
          <Link href="/teach/classes" className="font-semibold text-indigo-800 underline">
            Create your first class
          </Link>
          , then send its invite link to your students.
        </p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Your classes">
          {home.classes.map((c) => (
            <li key={c.id} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h2 className="text-lg font-semibold break-words">
                <Link href={`/teach/classes/${c.id}`} className="text-indigo-800 hover:underline">
                  {c.name}
                </Link>
              </h2>
              <dl className="grid grid-cols-3 gap-2 text-center">
                {[
                  ['Students', c.students],
                  ['Waiting for grading', c.waitingForGrading],
                  ['Flagged questions', c.flagged.reduce((n, f) => n + f.flags, 0)],
                ].map(([label, value]) => (
                  <div key={label} className="flex flex-col-reverse rounded-lg bg-slate-50 p-2">
                    <dt className="text-xs text-slate-600">{label}</dt>
                    <dd className="text-xl font-semibold tabular-nums">{value}</dd>
                  </div>
                ))}
              </dl>
              <div>
                <h3 className="text-sm font-semibold text-slate-800">Due next</h3>
                {c.upcoming.length === 0 ? (
                  <p className="text-sm text-slate-600">{c.assignments ? 'Nothing due ahead.' : 'Nothing assigned yet.'}</p>
                ) : (
                  <ul className="mt-1 flex flex-col gap-1 text-sm">
                    {c.upcoming.map((a) => (
                      <li key={a.id}>
                        <span className="font-medium">{a.lessonTitle}</span>{' '}
                        <span className="text-slate-600">
                          · <LocalDateTime date={a.dueAt} />
                        </span>
                      </li>
                    ))}
                    {c.laterCount > 0 && <li className="text-slate-600">and {c.laterCount} more</li>}
                  </ul>
                )}
              </div>
              {c.waiting.length > 0 && (
                <div>
                  <h3 className="text-sm font-semibold text-slate-800">To grade</h3>
                  <ul className="mt-1 flex flex-col gap-1 text-sm">
                    {c.waiting.map((w) => (
                      <li key={w.attemptId}>
                        <Link href={`/attempts/${w.attemptId}`} className="break-words text-indigo-800 underline">
                          Grade {w.studentName}: {w.lessonTitle}
                        </Link>{' '}
                        <span className="text-slate-600">· submitted {formatDateTime(w.submittedAt)}</span>
                      </li>
                    ))}
                    {c.waitingForGrading > c.waiting.length && (
                      <li>
                        <Link href={`/teach/classes/${c.id}#waiting-heading`} className="text-indigo-800 underline">
                          All {c.waitingForGrading} waiting in {c.name}
                        </Link>
                      </li>
                    )}
                  </ul>
                </div>
              )}
              {c.flagged.length > 0 && (
                <div>
                  <h3 className="text-sm font-semibold text-slate-800">Questions to look at</h3>
                  <ul className="mt-1 flex flex-col gap-1 text-sm">
                    {c.flagged.map((f) => (
                      <li key={f.lessonId}>
                        <Link href={`/teach/analysis/${f.lessonId}?class=${c.id}`} className="text-indigo-800 underline">
                          {f.lessonTitle}: {f.flags} flagged
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-600">Item analysis flags questions once a quiz has {MIN_ATTEMPTS_FOR_FLAGS} attempts in a class.</p>
    </div>
  );
}
