import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { ReviewForm } from '@/components/quiz/review-form';
import { submitReviewAction } from '@/app/(learn)/review-actions';
import { getReviewedRound, getReviewRound } from '@/lib/dal/review';
import { formatDateTime } from '@/lib/format';
import { formatPoints } from '@/lib/progress/score';

export const metadata: Metadata = { title: 'Review' };

type Props = { searchParams: Promise<{ round?: string | string[] }> };

function verdict(credit: number) {
  if (credit >= 1) return { text: '✓ Correct', tone: 'text-emerald-800' };
  if (credit > 0) return { text: `◐ Partly right · ${formatPoints(credit)} of 1 mark`, tone: 'text-amber-900' };
  return { text: '✗ Incorrect', tone: 'text-red-800' };
}

export default async function ReviewPage({ searchParams }: Props) {
  const { round } = await searchParams;
  // A fresh key per rendered form: it seeds the option order and makes a resubmit a no-op.
  const roundKey = randomUUID();
  const [current, reviewed] = await Promise.all([
    getReviewRound({ roundKey }),
    typeof round === 'string' ? getReviewedRound({ roundKey: round }) : null,
  ]);
  const right = reviewed?.filter((q) => q.credit !== null && q.credit >= 1).length ?? 0;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">Review</h1>
        <p className="mt-1 text-slate-700">
          Every question you answer in a quiz comes back here when you are about to forget it: a mistake within minutes, a right answer days
          or months later (spaced repetition with FSRS). Review counts for no class.
        </p>
      </header>

      {reviewed && (
        <section aria-labelledby="last-round-heading" className="flex flex-col gap-3">
          <h2 id="last-round-heading" className="text-xl font-semibold">
            Your last round: {right} of {reviewed.length} right
          </h2>
          <ol className="flex flex-col gap-3">
            {reviewed.map((q) => {
              const v = q.credit === null ? null : verdict(q.credit);
              return (
                <li key={q.id} className="rounded-xl border border-slate-200 bg-white p-4">
                  {v && <p className={`text-sm font-semibold ${v.tone}`}>{v.text}</p>}
                  <h3 className="mt-1 font-semibold leading-snug">{q.prompt}</h3>
                  <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                    <dt className="text-slate-600">Your answer</dt>
                    <dd className="break-words">{q.yourAnswer}</dd>
                    {q.review && q.credit !== null && q.credit < 1 && (
                      <>
                        <dt className="text-slate-600">Right answer</dt>
                        <dd className="break-words font-medium">{q.review.rightAnswer}</dd>
                      </>
                    )}
                  </dl>
                  {q.review && (
                    <p className="mt-2 text-sm text-slate-800">
                      <span className="font-semibold">Why: </span>
                      {q.review.explanation}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <section aria-labelledby="due-heading" className="flex flex-col gap-4">
        <h2 id="due-heading" className="text-xl font-semibold">
          {current.due === 0 ? 'Nothing due' : `${current.due} ${current.due === 1 ? 'question' : 'questions'} due`}
        </h2>
        {current.questions.length > 0 ? (
          <>
            {current.due > current.questions.length && (
              <p className="text-sm text-slate-700">
                Here are the {current.questions.length} most overdue; the rest follow in the next round.
              </p>
            )}
            <ReviewForm action={submitReviewAction} roundKey={roundKey} questions={current.questions} />
          </>
        ) : (
          <p className="text-slate-700">
            {current.nextDue
              ? `You are up to date. The next question comes due ${formatDateTime(current.nextDue)}.`
              : 'No questions yet: take a quiz and its questions come back here for review.'}{' '}
            <Link href="/cases" className="font-semibold text-indigo-700 underline">
              Open the library
            </Link>
          </p>
        )}
      </section>

      <p className="text-sm text-slate-700">
        Questions coming back too often or too rarely?{' '}
        <Link href="/account#spaced-review" className="font-semibold text-indigo-700 underline">
          Set your retention target
        </Link>{' '}
        in your account.
      </p>
    </div>
  );
}
