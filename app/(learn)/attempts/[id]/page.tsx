import type { Metadata } from 'next';
import { QuestionIntro } from '@/components/quiz/question-intro';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { gradeAnswerAction } from '@/app/(teach)/grading-actions';
import { GradeForm } from '@/components/teach/grade-form';
import { ButtonLink } from '@/components/ui/button';
import { ProgressBar } from '@/components/ui/progress-bar';
import { getAttemptById } from '@/lib/dal/attempts';
import { formatDate, formatDateTime } from '@/lib/format';
import { formatPoints, percentOf } from '@/lib/progress/score';

export const metadata: Metadata = { title: 'Quiz result' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ show?: string | string[] }> };

/** ✓, ◐ or ✗ with words, and the share of the mark when it is partial. */
function verdict(credit: number) {
  if (credit >= 1) return { text: '✓ Correct', tone: 'text-emerald-800', border: 'border-emerald-300' };
  if (credit > 0) return { text: `◐ Partly right · ${formatPoints(credit)} of 1 mark`, tone: 'text-amber-900', border: 'border-amber-300' };
  return { text: '✗ Incorrect', tone: 'text-red-800', border: 'border-red-300' };
}

export default async function AttemptPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const attempt = await getAttemptById({ id });
  if (!attempt) notFound();
  const lessonHref = `/cases/${attempt.caseSlug}/lessons/${attempt.lessonSlug}`;
  const percent = percentOf(attempt.score, attempt.maxScore);
  // Mistakes can be told apart only once answers are shown.
  const canFilter = attempt.questions.some((q) => q.review !== null);
  const numbered = attempt.questions.map((q, i) => ({ ...q, number: i + 1 }));
  const mistakes = numbered.filter((q) => q.review && !q.review.correct);
  const onlyMistakes = canFilter && query.show === 'mistakes';
  const listed = onlyMistakes ? mistakes : numbered;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        {attempt.gradebookHref ? (
          <Link href={attempt.gradebookHref} className="text-indigo-700 hover:underline">
            ← {attempt.learnerName} in the gradebook of {attempt.className}
          </Link>
        ) : (
          <Link href={`/cases/${attempt.caseSlug}`} className="text-indigo-700 hover:underline">
            {attempt.caseTitle}
          </Link>
        )}
      </nav>
      <header className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <p className="text-sm text-slate-600">Quiz: {attempt.lessonTitle}</p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">
          {attempt.isOwn ? 'You' : attempt.learnerName} scored {formatPoints(attempt.score)} of {attempt.maxScore}
          {attempt.gradingPending ? ' so far' : ''}
        </h1>
        {attempt.gradingPending && (
          <p role="note" className="mt-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
            Waiting for grading: {attempt.isOwn ? 'your instructor grades the written answers' : 'grade the written answers below'}. The
            score counts the other questions already.
          </p>
        )}
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
        {attempt.history.length > 1 && (
          <p className="mt-2 text-sm text-slate-700">
            <span className="font-medium">Your attempts on this lesson:</span>{' '}
            {attempt.history.map((h, i) => (
              <span key={h.id}>
                {i > 0 && ' → '}
                {h.id === attempt.id ? (
                  <strong>{percentOf(h.score, h.maxScore)}%</strong>
                ) : (
                  <Link href={`/attempts/${h.id}`} className="text-indigo-700 underline">
                    {percentOf(h.score, h.maxScore)}%
                  </Link>
                )}
              </span>
            ))}
          </p>
        )}
        {attempt.isOwn ? (
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
        ) : (
          // An instructor reading a student's attempt: nothing to retake, a way back instead.
          attempt.gradebookHref && (
            <div className="mt-4 flex flex-wrap gap-2">
              <ButtonLink href={attempt.gradebookHref} variant="secondary">
                Back to the gradebook
              </ButtonLink>
            </div>
          )
        )}
      </header>
      {canFilter && (
        <nav aria-label="Which answers to show" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          {onlyMistakes ? (
            <>
              <span>
                Showing {attempt.gradebookHref ? 'the' : 'your'} {mistakes.length} {mistakes.length === 1 ? 'mistake' : 'mistakes'} of{' '}
                {numbered.length} questions.
              </span>
              <Link href={`/attempts/${attempt.id}`} className="font-medium text-indigo-700 underline">
                Show all answers
              </Link>
            </>
          ) : (
            <Link href={`/attempts/${attempt.id}?show=mistakes`} className="font-medium text-indigo-700 underline">
              {attempt.gradebookHref ? 'Show only the mistakes' : 'Show only my mistakes'} ({mistakes.length})
            </Link>
          )}
        </nav>
      )}
      {onlyMistakes && mistakes.length === 0 && (
        <p className="text-slate-700">No mistakes in this attempt: every answer earned its whole mark.</p>
      )}
      <ol className="flex flex-col gap-4" aria-label="Answers">
        {listed.map((q) => {
          if (q.written) {
            const w = q.written;
            const tone = w.status === 'waiting' ? 'border-sky-300' : 'border-slate-200';
            return (
              <li key={q.id} id={`q-${q.id}`} className={`rounded-xl border bg-white p-4 sm:p-5 ${tone}`}>
                <p className="text-sm font-semibold">
                  <span className={w.status === 'waiting' ? 'text-sky-800' : 'text-slate-800'}>
                    {w.status === 'waiting'
                      ? 'Waiting for grading'
                      : w.status === 'blank'
                        ? 'Not answered'
                        : `${w.awarded} of ${w.max} points`}
                  </span>
                  <span className="text-slate-500"> · Question {q.number} · written answer</span>
                </p>
                <QuestionIntro text={q.intro} className="mt-2 text-sm" />
                <h2 className="mt-1 font-semibold leading-snug">{q.prompt}</h2>
                <p className="mt-3 text-sm text-slate-600">{attempt.isOwn ? 'Your answer' : 'Their answer'}</p>
                <p className="mt-1 whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 text-sm">{q.yourAnswer}</p>
                {w.criteria.length > 0 && (
                  <table className="mt-3 w-full text-left text-sm">
                    <caption className="sr-only">Rubric of question {q.number}</caption>
                    <thead>
                      <tr className="border-b border-slate-200 text-slate-600">
                        <th scope="col" className="py-1 pr-2 font-medium">
                          Criterion
                        </th>
                        <th scope="col" className="py-1 text-right font-medium">
                          Points
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {w.criteria.map((c, ci) => (
                        <tr key={ci} className="border-b border-slate-100">
                          <td className="py-1 pr-2">{c.label}</td>
                          <td className="py-1 text-right tabular-nums">
                            {c.awarded === null ? `– / ${c.max}` : `${c.awarded} / ${c.max}`}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {w.comment && (
                  <div className="mt-3 text-sm">
                    <p className="font-semibold">{attempt.isOwn ? 'Your instructor’s comment' : 'Your comment'}</p>
                    <p className="mt-1 whitespace-pre-wrap break-words">{w.comment}</p>
                  </div>
                )}
                {w.gradedAt && (
                  <p className="mt-2 text-xs text-slate-600">
                    Graded {formatDateTime(w.firstGradedAt ?? w.gradedAt)}
                    {w.gradings > 1 ? `; regraded ${formatDateTime(w.gradedAt)} (${w.gradings} gradings)` : ''}
                  </p>
                )}
                {w.modelAnswer && (
                  <div className="mt-3 text-sm">
                    <p className="font-semibold">Model answer</p>
                    <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{w.modelAnswer}</p>
                  </div>
                )}
                {w.explanation && (
                  <p className="mt-2 text-sm text-slate-800">
                    <span className="font-semibold">Why: </span>
                    {w.explanation}
                  </p>
                )}
                {w.answerId && w.status !== 'blank' && (
                  <GradeForm
                    action={gradeAnswerAction}
                    answerId={w.answerId}
                    questionNumber={q.number}
                    criteria={w.criteria}
                    comment={w.comment}
                    graded={w.status === 'graded'}
                  />
                )}
              </li>
            );
          }
          const v = q.review ? verdict(q.review.credit) : null;
          return (
            <li key={q.id} className={`rounded-xl border bg-white p-4 sm:p-5 ${v?.border ?? 'border-slate-200'}`}>
              <p className="text-sm font-semibold">
                {v && <span className={v.tone}>{v.text}</span>}
                <span className="text-slate-500">
                  {v ? ' · ' : ''}Question {q.number}
                </span>
              </p>
              <QuestionIntro text={q.intro} className="mt-2 text-sm" />
              <h2 className="mt-1 font-semibold leading-snug">{q.prompt}</h2>
              <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="text-slate-600">{attempt.isOwn ? 'Your answer' : 'Their answer'}</dt>
                <dd className="break-words">{q.yourAnswer}</dd>
                {q.review && !q.review.correct && (
                  <>
                    <dt className="text-slate-600">Right answer</dt>
                    <dd className="break-words font-medium">{q.review.rightAnswer}</dd>
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
