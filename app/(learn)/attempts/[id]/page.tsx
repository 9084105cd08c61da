import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import { ProgressBar } from '@/components/ui/progress-bar';
import { getAttemptById } from '@/lib/dal/attempts';
import { formatDate, formatDateTime } from '@/lib/format';
import { percentOf } from '@/lib/progress/score';

export const metadata: Metadata = { title: 'Quiz result' };

export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const attempt = await getAttemptById({ id: (await params).id });
  if (!attempt) notFound();
  const lessonHref = `/cases/${attempt.caseSlug}/lessons/${attempt.lessonSlug}`;
  const percent = percentOf(attempt.score, attempt.maxScore);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/cases/${attempt.caseSlug}`} className="text-indigo-700 hover:underline">
          {attempt.caseTitle}
        </Link>
      </nav>
      <header className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <p className="text-sm text-slate-600">Quiz: {attempt.lessonTitle}</p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">
          {attempt.isOwn ? 'You' : attempt.learnerName} scored {attempt.score} of {attempt.maxScore}
        </h1>
        <ProgressBar value={percent} label="Score" className="mt-4" />
        <p className="mt-2 text-sm text-slate-700">
          {percent}% · submitted {formatDateTime(attempt.submittedAt)} ·{' '}
          {attempt.className ? `for ${attempt.className}` : 'practice (counts for no class)'}
        </p>
        {attempt.reviewHiddenUntil && (
          <p className="mt-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
            Your class shows the right answers after the due date, {formatDate(attempt.reviewHiddenUntil)}. Until then you see what you
            answered.
          </p>
        )}
        <div className="mt-4 flex flex-wrap gap-2">
          {attempt.attemptsLeft === 0 ? (
            <p className="self-center text-sm text-slate-700">You have used every attempt {attempt.className} allows.</p>
          ) : (
            <ButtonLink
              href={attempt.retakeAssignmentId ? `${lessonHref}/quiz?assignment=${attempt.retakeAssignmentId}` : `${lessonHref}/quiz`}
            >
              Retake the quiz{attempt.attemptsLeft !== null ? ` (${attempt.attemptsLeft} left)` : ''}
            </ButtonLink>
          )}
          <ButtonLink href={lessonHref} variant="secondary">
            Reread the lesson
          </ButtonLink>
          <ButtonLink href={`/cases/${attempt.caseSlug}`} variant="secondary">
            All lessons
          </ButtonLink>
        </div>
      </header>
      <ol className="flex flex-col gap-4" aria-label="Answers">
        {attempt.questions.map((q, i) => {
          const tone = q.review === null ? 'border-slate-200' : q.review.correct ? 'border-emerald-300' : 'border-red-300';
          return (
            <li key={q.id} className={`rounded-xl border bg-white p-4 sm:p-5 ${tone}`}>
              <p className="text-sm font-semibold">
                {q.review && (
                  <span className={q.review.correct ? 'text-emerald-800' : 'text-red-800'}>
                    {q.review.correct ? '✓ Correct' : '✗ Incorrect'}
                  </span>
                )}
                <span className="text-slate-500">
                  {q.review ? ' · ' : ''}Question {i + 1}
                </span>
              </p>
              <h2 className="mt-1 font-semibold leading-snug">{q.prompt}</h2>
              <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="text-slate-600">{attempt.isOwn ? 'Your answer' : 'Their answer'}</dt>
                <dd>{q.yourAnswer}</dd>
                {q.review && !q.review.correct && (
                  <>
                    <dt className="text-slate-600">Right answer</dt>
                    <dd className="font-medium">{q.review.rightAnswer}</dd>
                  </>
                )}
              </dl>
              {q.review && (
                <>
                  <p className="mt-3 text-sm text-slate-800">
                    <span className="font-semibold">Why: </span>
                    {q.review.explanation}
                  </p>
                  <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 font-serif text-sm italic text-slate-700">
                    {q.review.source}
                  </blockquote>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
