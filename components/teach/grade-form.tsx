'use client';

import { useFormAction } from '@/components/hooks/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { idle, type FormAction } from '@/lib/action-state';
import { criterionField, MAX_GRADING_COMMENT } from '@/lib/grading/rubric';

/** The instructor's grading of one written answer: points per rubric criterion and a comment. */
export function GradeForm({
  action,
  answerId,
  questionNumber,
  criteria,
  comment,
  graded,
}: {
  action: FormAction;
  answerId: string;
  questionNumber: number;
  criteria: { label: string; max: number; awarded: number | null }[];
  comment: string | null;
  graded: boolean;
}) {
  const { state, formAction, pending, onSubmit } = useFormAction(action, idle);
  const err = (field: string) => state.fieldErrors?.[field]?.join(' ') || undefined;
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="mt-4 flex flex-col gap-3 rounded-lg border border-indigo-200 bg-indigo-50/40 p-3 sm:p-4"
    >
      <input type="hidden" name="answerId" value={answerId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">
          {graded ? 'Regrade' : 'Grade'} question {questionNumber}
        </legend>
        {criteria.map((c, i) => {
          const id = `grade-${answerId}-${i}`;
          const error = err(criterionField(i));
          return (
            <div key={i} className="flex flex-col gap-1">
              <div className="flex items-center justify-between gap-3">
                <label htmlFor={id} className="min-w-0 flex-1 text-sm">
                  {c.label} <span className="text-slate-600">(0–{c.max} points)</span>
                </label>
                <input
                  id={id}
                  name={criterionField(i)}
                  type="number"
                  min={0}
                  max={c.max}
                  step={1}
                  inputMode="numeric"
                  defaultValue={c.awarded ?? ''}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  className="min-h-11 w-20 shrink-0 rounded-lg border border-slate-300 bg-white px-2 text-base aria-invalid:border-red-600"
                />
              </div>
              {error && (
                <p id={`${id}-error`} className="text-sm text-red-700">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <TextAreaField
        label="Comment to the learner"
        name="comment"
        id={`comment-${answerId}`}
        defaultValue={comment ?? ''}
        maxLength={MAX_GRADING_COMMENT}
        error={err('comment')}
      />
      {state.status === 'error' && state.message && <Alert>{state.message}</Alert>}
      {state.status === 'success' && state.message && <Alert tone="info">{state.message}</Alert>}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : graded ? 'Save new grade' : 'Save grade'}
        </Button>
      </div>
    </form>
  );
}
