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
import { ButtonLink } from '@/components/ui/button';
import { ExportLinks } from '@/components/teach/export-links';
import { ReviewQuestionCard } from '@/components/teach/review-question-card';
import { SelectField } from '@/components/ui/select-field';
import { getItemAnalysis } from '@/lib/dal/analysis';
import { getCaseStudyForReview } from '@/lib/dal/authoring';
import { KIND_LABELS } from '@/lib/questions/labels';
import type { StoredQuestionType } from '@/lib/questions/kinds';

export const metadata: Metadata = { title: 'Review a case study' };

type Query = { imported?: string; saved?: string; added?: string; published?: string; lesson?: string; kind?: string; show?: string };
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<keyof Query, string | string[] | undefined>> };

const SHOW = {
  all: 'Every question',
  flagged: 'Flagged by item analysis',
  disabled: 'Disabled',
  edited: 'Edited',
  yours: 'Written by you',
} as const;
type Show = keyof typeof SHOW;

/** One value of a query parameter: a repeated or missing one is none. */
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function ReviewCaseStudyPage({ params, searchParams }: Props) {
  const [{ id }, rawQuery] = await Promise.all([params, searchParams]);
  const query = Object.fromEntries(Object.entries(rawQuery).map(([k, v]) => [k, one(v)])) as Query;
  const cs = await getCaseStudyForReview({ id });
  if (!cs) notFound();
  const draft = cs.status === 'draft';
  // Filters come from the address (a plain GET form), so they work without JavaScript and can be shared.
  const lessonFilter = cs.lessons.some((l) => l.id === query.lesson) ? query.lesson! : '';
  const kinds = [...new Set(cs.lessons.flatMap((l) => l.questions.map((q) => q.type)))];
  const kindFilter = kinds.find((k) => k === query.kind) ?? '';
  const show: Show = query.show && query.show in SHOW ? (query.show as Show) : 'all';
  // What item analysis flags, per question id (each lesson over the instructor's classes, first attempts).
  const flagsOf = new Map<string, string[]>();
  if (!draft)
    for (const l of cs.lessons) {
      const analysis = await getItemAnalysis({ lessonId: l.id, scope: 'first' });
      for (const q of analysis?.questions ?? []) if (q.flags.length) flagsOf.set(q.id, q.flags);
    }
  const matches = (q: (typeof cs.lessons)[number]['questions'][number]) =>
    (!kindFilter || q.type === kindFilter) &&
    (show === 'all' ||
      (show === 'flagged' && flagsOf.has(q.id)) ||
      (show === 'disabled' && !q.enabled) ||
      (show === 'edited' && q.editedAt !== null && !q.authored) ||
      (show === 'yours' && q.authored));
  const shownLessons = cs.lessons
    .map((l, i) => ({ ...l, index: i, shown: l.questions.filter(matches) }))
    .filter((l) => !lessonFilter || l.id === lessonFilter);
  const shownCount = shownLessons.reduce((n, l) => n + l.shown.length, 0);
  const filtered = Boolean(lessonFilter || kindFilter || show !== 'all');
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
        {/^\d+$/.test(query.added ?? '') && (
          <Alert tone="info">
            {query.added} imported {query.added === '1' ? 'question was' : 'questions were'} added as your own, after the generated ones.
          </Alert>
        )}
        {query.published && !draft && (
          <Alert tone="info">Published: every learner can now read it, and you can assign it to your classes.</Alert>
        )}
        <div className="flex flex-wrap items-start gap-2">
          <ButtonLink href="#publish" variant="secondary">
            {draft ? 'Review, then publish at the end' : 'Unpublish or archive at the end'}
          </ButtonLink>
          <ButtonLink href={`/cases/${cs.slug}`} variant="secondary">
            Read it as a learner
          </ButtonLink>
        </div>
        <p className="text-sm">
          <ExportLinks caseId={cs.id} of={`every lesson of ${cs.title}`} inUse={enabled} />
          {enabled > 0 && (
            <span className="block text-slate-600">The questions in use, with their keys, for Moodle or another quiz system.</span>
          )}
        </p>
      </header>

      <form method="get" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4" aria-label="Filter the questions">
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField label="Lesson" name="lesson" defaultValue={lessonFilter}>
            <option value="">All lessons</option>
            {cs.lessons.map((l, i) => (
              <option key={l.id} value={l.id}>
                {i + 1}. {l.title}
              </option>
            ))}
          </SelectField>
          <SelectField label="Kind" name="kind" defaultValue={kindFilter}>
            <option value="">All kinds</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k as StoredQuestionType]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Show" name="show" defaultValue={show}>
            {Object.entries(SHOW).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            className="min-h-11 rounded-lg bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800"
          >
            Filter
          </button>
          {filtered && (
            <Link href={`/teach/cases/${cs.id}`} className="text-sm font-medium text-indigo-800 underline">
              Clear the filters
            </Link>
          )}
          <p role="status" className="text-sm text-slate-700">
            Showing {shownCount} of {total} questions
            {show === 'flagged' && draft ? ' (a draft has no attempts, so nothing is flagged)' : ''}.
          </p>
        </div>
      </form>

      <nav aria-label="Lessons" className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
        <h2 className="mb-2 font-semibold">Jump to a lesson</h2>
        <ol className="flex flex-col gap-1">
          {shownLessons.map((l) => (
            <li key={l.id}>
              <a href={`#lesson-${l.id}`} className="text-indigo-800 underline">
                Lesson {l.index + 1}: {l.title}
              </a>{' '}
              <span className="text-slate-600">
                ({l.shown.length} {l.shown.length === 1 ? 'question' : 'questions'}
                {filtered ? ' shown' : ''})
              </span>
            </li>
          ))}
        </ol>
      </nav>

      {shownLessons.map((lesson) => (
        <section key={lesson.id} aria-labelledby={`lesson-${lesson.id}`} className="scroll-mt-4">
          <details open className="group flex flex-col gap-3">
            <summary className="flex min-h-11 cursor-pointer items-center gap-2 border-b border-slate-200 pb-2">
              <h2 id={`lesson-${lesson.id}`} className="text-xl font-semibold">
                Lesson {lesson.index + 1}: {lesson.title}
              </h2>
              <span className="text-sm text-slate-600">
                {lesson.shown.length} of {lesson.questions.length}
              </span>
            </summary>
            <div className="mt-3 flex flex-wrap gap-3 text-sm">
              <Link
                href={`/teach/cases/${cs.id}/questions/new?lesson=${lesson.id}`}
                className="font-medium text-indigo-800 hover:underline"
              >
                Add a question<span className="sr-only"> to {lesson.title}</span>
              </Link>
              <Link
                href={`/teach/cases/${cs.id}/questions/import?lesson=${lesson.id}`}
                className="font-medium text-indigo-800 hover:underline"
              >
                Import questions<span className="sr-only"> into {lesson.title}</span>
              </Link>
              {!draft && (
                <Link href={`/teach/analysis/${lesson.id}`} className="font-medium text-indigo-800 hover:underline">
                  Item analysis<span className="sr-only"> of {lesson.title}</span>
                </Link>
              )}
              {lesson.questions.some((q) => q.enabled) && (
                <ExportLinks
                  caseId={cs.id}
                  lessonId={lesson.id}
                  of={lesson.title}
                  inUse={lesson.questions.filter((q) => q.enabled).length}
                />
              )}
            </div>
            {lesson.questions.length === 0 && <p className="mt-3 text-slate-700">No questions. Add your own.</p>}
            {lesson.questions.length > 0 && lesson.shown.length === 0 && (
              <p className="mt-3 text-slate-700">No question of this lesson matches the filters.</p>
            )}
            <ol className="mt-3 flex flex-col gap-3">
              {lesson.shown.map((q) => (
                <ReviewQuestionCard key={q.id} q={q} caseId={cs.id} flags={flagsOf.get(q.id) ?? []} toggle={toggleQuestionAction} />
              ))}
            </ol>
          </details>
        </section>
      ))}

      <section id="publish" aria-labelledby="publish-heading" className="flex scroll-mt-4 flex-col gap-3 border-t border-slate-200 pt-4">
        <h2 id="publish-heading" className="text-xl font-semibold">
          {draft ? 'Publish' : 'Unpublish or archive'}
        </h2>
        <p className="text-slate-700">
          {draft
            ? `${enabled} of ${total} questions are in use. Publishing lets every learner read the case study and you assign it to your classes.`
            : 'Every learner can read it and you can assign it to your classes.'}
        </p>
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
      </section>
    </div>
  );
}
