'use client';

import { useFormAction } from '@/components/hooks/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { idle, type FormAction } from '@/lib/action-state';
import type { QuizQuestion } from '@/lib/dal/catalog-types';
import { QuestionField } from './question-field';

export function QuizForm({
  action,
  lessonId,
  assignmentId,
  submissionKey,
  questions,
  saveDraft,
  draft = {},
}: {
  action: FormAction;
  lessonId: string;
  /** The assignment the attempt is for; null: practice. */
  assignmentId: string | null;
  submissionKey: string;
  questions: QuizQuestion[];
  /** Saves written answers as they are typed. */
  saveDraft?: FormAction;
  /** Written answers saved earlier, by question id. */
  draft?: Record<string, string>;
}) {
  // A learner who gets "enter a number" back must not lose the other answers.
  const { state, formAction, pending, onSubmit } = useFormAction(action, idle);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-6">
      <input type="hidden" name="lessonId" value={lessonId} />
      <input type="hidden" name="assignmentId" value={assignmentId ?? ''} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <ol className="flex flex-col gap-6">
        {questions.map((q, i) => (
          <li key={q.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
            <p className="mb-2 text-sm text-slate-500" aria-hidden="true">
              Question {i + 1} of {questions.length}
            </p>
            <QuestionField
              question={q}
              error={state.fieldErrors?.[q.id]?.[0]}
              written={q.data.type === 'open_response' ? { lessonId, initial: draft[q.id] ?? '', saveDraft } : undefined}
            />
          </li>
        ))}
      </ol>
      {state.status === 'error' && state.message && <Alert>{state.message}</Alert>}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Grading…' : 'Submit answers'}
        </Button>
      </div>
    </form>
  );
}
