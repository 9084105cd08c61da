import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  archiveCaseAction,
  deleteCaseAction,
  publishCaseAction,
  restoreCaseAction,
  toggleQuestionAction,
  unpublishCaseAction,
} from '@/app/(teach)/case-actions';
import { CaseLifecycle } from '@/components/teach/case-lifecycle';
import { Alert } from '@/components/ui/alert';
import { ActionForm } from '@/components/ui/action-form';
import { ButtonLink } from '@/components/ui/button';
import { getCaseStudyForReview } from '@/lib/dal/authoring';
import { KIND_LABELS } from '@/lib/questions/labels';

export const metadata: Metadata = { title: 'Review a case study' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ imported?: string; saved?: string; published?: string }> };

export default async function ReviewCaseStudyPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const cs = await getCaseStudyForReview({ id });
  if (!cs) notFound();
  const draft = cs.status === 'draft';
  // Questions are numbered across the whole case study, as the instructor reviews them in order.
  const firstNumber = cs.lessons.map((_, i) => cs.lessons.slice(0, i).reduce((n, l) => n + l.questions.length, 0));
  const total = cs.lessons.reduce((n, l) => n + l.questions.length, 0);
  const enabled = cs.lessons.reduce((n, l) => n + l.questions.filter((q) => q.enabled).length, 0);
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <header className="flex flex-col gap-3">
        <p className="text-sm text-slate-600">
          <Link href="/teach/cases" className="hover:underline">
            Your case studies
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold sm:text-3xl">{cs.title}</h1>
          <span
            className={`rounded px-2 py-0.5 text-sm font-semibold ${draft ? 'bg-amber-100 text-amber-900' : 'bg-emerald-100 text-emerald-900'}`}
          >
            {draft ? 'Draft' : 'Published'}
          </span>
          {cs.archivedAt && <span className="rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-800">Archived</span>}
        </div>
        <p className="text-slate-700">
          {cs.lessons.length} lessons · {enabled} of {total} questions in use{cs.source ? ` · imported from ${cs.source}` : ''}.{' '}
          {draft ? 'Only you can see this draft.' : 'Every learner can read it and you can assign it to your classes.'}
        </p>
        {query.imported && draft && <Alert tone="info">Saved as a draft. Review the questions below, then publish.</Alert>}
        {query.saved && <Alert tone="info">Question saved.</Alert>}
        {query.published && !draft && (
          <Alert tone="info">Published: every learner can now read it, and you can assign it to your classes.</Alert>
        )}
        <div className="flex flex-wrap items-start gap-2">
          <CaseLifecycle
            caseStudy={cs}
            actions={{
              publish: publishCaseAction,
              unpublish: unpublishCaseAction,
              archive: archiveCaseAction,
              restore: restoreCaseAction,
              remove: deleteCaseAction,
            }}
          />
          <ButtonLink href={`/cases/${cs.slug}`} variant="secondary">
            Read it as a learner
          </ButtonLink>
        </div>
      </header>

      {cs.lessons.map((lesson, li) => (
        <section key={lesson.id} aria-labelledby={`lesson-${lesson.id}`} className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 pb-2">
            <h2 id={`lesson-${lesson.id}`} className="text-xl font-semibold">
              Lesson {li + 1}: {lesson.title}
            </h2>
            <div className="flex flex-wrap gap-3 text-sm">
              <Link
                href={`/teach/cases/${cs.id}/questions/new?lesson=${lesson.id}`}
                className="font-medium text-indigo-800 hover:underline"
              >
                Add a question<span className="sr-only"> to {lesson.title}</span>
              </Link>
              {!draft && (
                <Link href={`/teach/analysis/${lesson.id}`} className="font-medium text-indigo-800 hover:underline">
                  Item analysis<span className="sr-only"> of {lesson.title}</span>
                </Link>
              )}
            </div>
          </div>
          {lesson.questions.length === 0 && <p className="text-slate-700">No questions. Add your own.</p>}
          <ol className="flex flex-col gap-3">
            {lesson.questions.map((q, qIndex) => {
              const number = firstNumber[li]! + qIndex + 1;
              return (
                <li
                  key={q.id}
                  id={`q-${q.id}`}
                  className={`scroll-mt-4 rounded-xl border bg-white p-4 shadow-sm ${q.enabled ? 'border-slate-200' : 'border-dashed border-slate-300 opacity-80'}`}
                >
                  <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
                    <div>
                      <p className="flex flex-wrap items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
                        <span>Question {number}</span>
                        <span>· {KIND_LABELS[q.type]}</span>
                        {q.authored && <span className="rounded bg-indigo-100 px-1.5 py-0.5 text-indigo-900">yours</span>}
                        {q.editedAt && !q.authored && <span className="rounded bg-sky-100 px-1.5 py-0.5 text-sky-900">edited</span>}
                        {!q.enabled && <span className="rounded bg-slate-200 px-1.5 py-0.5 text-slate-800">disabled</span>}
                      </p>
                      <h3 className="mt-1 font-semibold leading-snug">{q.prompt}</h3>
                      {q.options ? (
                        <ul className="mt-2 flex flex-col gap-1 text-sm">
                          {q.options.map((o, i) => {
                            const key = q.keyIndices.includes(i);
                            return (
                              <li key={i} className={key ? 'font-semibold text-emerald-900' : 'text-slate-800'}>
                                <span aria-hidden="true">{key ? '✓ ' : '· '}</span>
                                {o}
                                {key && <span className="sr-only"> (right answer)</span>}
                              </li>
                            );
                          })}
                        </ul>
                      ) : (
                        <p className="mt-2 text-sm">
                          <span className="text-slate-600">{q.rubric ? 'Model answer: ' : 'Answer: '}</span>
                          <span className="font-semibold text-emerald-900">{q.answer}</span>
                        </p>
                      )}
                      {q.rubric && (
                        <ul className="mt-2 flex flex-col gap-1 text-sm" aria-label={`Rubric of question ${number}`}>
                          {q.rubric.map((c, i) => (
                            <li key={i}>
                              <span className="tabular-nums font-semibold">{c.points} pt</span> · {c.label}
                            </li>
                          ))}
                        </ul>
                      )}
                      {q.explanation && (
                        <p className="mt-2 text-sm text-slate-700">
                          <span className="font-semibold">Why: </span>
                          {q.explanation}
                        </p>
                      )}
                    </div>
                    <div className="flex flex-col gap-3">
                      <figure className="rounded-lg bg-slate-50 p-3 text-sm">
                        <figcaption className="text-xs font-semibold uppercase tracking-wide text-slate-600">Source sentence</figcaption>
                        <blockquote className="mt-1 break-words font-serif italic text-slate-800">{q.source}</blockquote>
                      </figure>
                      <div className="flex flex-wrap items-start gap-2">
                        <ButtonLink
                          href={`/teach/cases/${cs.id}/questions/${q.id}`}
                          variant="secondary"
                          aria-label={`Edit question ${number}`}
                        >
                          Edit
                        </ButtonLink>
                        <ActionForm
                          action={toggleQuestionAction}
                          submit={`${q.enabled ? 'Disable' : 'Enable'} question ${number}`}
                          variant="secondary"
                          className="flex flex-col gap-2"
                        >
                          <input type="hidden" name="questionId" value={q.id} />
                          <input type="hidden" name="enabled" value={q.enabled ? 'false' : 'true'} />
                        </ActionForm>
                      </div>
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
