'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { submitQuizAction } from '@/app/(learn)/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { idle } from '@/lib/action-state';
import type { QuizQuestion } from '@/lib/dal/catalog-types';
import { QuestionField } from './question-field';

export function QuizForm({ lessonId, submissionKey, questions }: { lessonId: string; submissionKey: string; questions: QuizQuestion[] }) {
  const [state, action, pending] = useActionState(submitQuizAction, idle);
  // Submitting through a transition (not the form's action prop) keeps the answers on screen when
  // the server sends the sheet back with a message; without JavaScript the plain POST still works.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-6">
      <input type="hidden" name="lessonId" value={lessonId} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <ol className="flex flex-col gap-6">
        {questions.map((q, i) => (
          <li key={q.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
            <p className="mb-2 text-sm text-slate-500" aria-hidden="true">
              Question {i + 1} of {questions.length}
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
