import { ActionForm } from '@/components/ui/action-form';
import { QuestionIntro } from '@/components/quiz/question-intro';
import { ButtonLink } from '@/components/ui/button';
import type { ActionState } from '@/lib/action-state';
import type { RubricCriterion, StoredQuestionType } from '@/lib/questions/kinds';
import { KIND_LABELS } from '@/lib/questions/labels';

export interface ReviewQuestion {
  id: string;
  number: number;
  type: StoredQuestionType;
  intro: string | null;
  prompt: string;
  options: string[] | null;
  keyIndices: number[];
  answer: string;
  rubric: RubricCriterion[] | null;
  explanation: string;
  source: string;
  enabled: boolean;
  authored: boolean;
  editedAt: Date | null;
}

/** One question as its author reviews it: the key beside the source sentence, with Edit and Disable. */
export function ReviewQuestionCard({
  q,
  caseId,
  flags,
  toggle,
}: {
  q: ReviewQuestion;
  caseId: string;
  /** What item analysis flags about it (empty: nothing, or too few attempts to say). */
  flags: string[];
  toggle: (prev: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const number = q.number;
  return (
    <li
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
            {flags.length > 0 && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">flagged: {flags.join(', ')}</span>}
          </p>
          <QuestionIntro text={q.intro} className="mt-2 text-sm" />
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
            <ButtonLink href={`/teach/cases/${caseId}/questions/${q.id}`} variant="secondary" aria-label={`Edit question ${number}`}>
              Edit
            </ButtonLink>
            <ActionForm
              action={toggle}
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
}
