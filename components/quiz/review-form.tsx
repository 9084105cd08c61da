'use client';

import { useFormAction } from '@/components/hooks/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { idle, type FormAction } from '@/lib/action-state';
import type { QuizQuestion } from '@/lib/dal/catalog-types';
import { QuestionField } from './question-field';

/** The due questions of a review round, as a quiz form: one fieldset per question, graded on the server. */
export function ReviewForm({
  action,
  roundKey,
  questions,
}: {
  action: FormAction;
  roundKey: string;
  questions: (QuizQuestion & { lessonTitle: string })[];
}) {
  const { state, formAction, pending, onSubmit } = useFormAction(action, idle);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-6">
      <input type="hidden" name="roundKey" value={roundKey} />
      <ol className="flex flex-col gap-6">
        {questions.map((q, i) => (
          <li key={q.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
            <input type="hidden" name="question" value={q.id} />
            <p className="mb-2 text-sm text-slate-600">
              <span aria-hidden="true">
                Question {i + 1} of {questions.length} ·{' '}
              </span>
              From {q.lessonTitle}
            </p>
            <QuestionField question={q} error={state.fieldErrors?.[q.id]?.[0]} />
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
