'use client';

import { useState, type ReactNode } from 'react';
import { useFormAction } from '@/components/hooks/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { idle, type FormAction } from '@/lib/action-state';
import type { EditorValues } from '@/lib/questions/editor';
import { MAX_CRITERIA, MAX_CRITERION_POINTS, type StoredQuestionType } from '@/lib/questions/kinds';
import { KIND_LABELS } from '@/lib/questions/labels';

const OPTION_ROWS = 6;
const box = 'rounded-lg border border-slate-500 bg-white px-3 py-2 text-base aria-invalid:border-red-600';

function Group({ legend, error, children }: { legend: string; error?: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-2" aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {children}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}

/** Edits one question (or writes a new one): the fields follow the kind of question. */
export function QuestionEditor({
  action,
  initial,
  hidden,
  chooseType = false,
}: {
  action: FormAction;
  initial: EditorValues;
  hidden: Record<string, string>;
  chooseType?: boolean;
}) {
  // What the instructor typed stays on screen when the server sends back a problem.
  const { state, formAction, pending, onSubmit } = useFormAction(action, idle);
  const [type, setType] = useState<StoredQuestionType>(initial.type);
  // Every problem of a field at once, not only the first.
  const err = (field: string) => state.fieldErrors?.[field]?.join(' ') || undefined;
  const problems = Object.values(state.fieldErrors ?? {}).flatMap((e) => e ?? []);
  const multi = type === 'multiple_choice';
  const open = type === 'open_response';

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      noValidate
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {chooseType ? (
        <SelectField label="Question type" name="type" value={type} onChange={(e) => setType(e.currentTarget.value as StoredQuestionType)}>
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      ) : (
        <input type="hidden" name="type" value={type} />
      )}
      <TextAreaField
        label="Text before the question (optional)"
        name="intro"
        defaultValue={initial.intro}
        error={err('intro')}
        hint="Shown just above the question and not graded: a passage, a table or context it refers to."
      />
      <TextAreaField
        label="Question"
        name="prompt"
        defaultValue={initial.prompt}
        error={err('prompt')}
        hint={type === 'fill_blank' ? 'Mark the blank with _____.' : undefined}
      />

      {(type === 'single_choice' || multi) && (
        <Group legend={multi ? 'Options (tick every right one)' : 'Options (pick the right one)'} error={err('options') ?? err('correct')}>
          {Array.from({ length: OPTION_ROWS }, (_, i) => (
            <div key={`${type}-${i}`} className="flex items-center gap-2">
              <input
                type={multi ? 'checkbox' : 'radio'}
                name="correct"
                value={i}
                id={`correct-${i}`}
                defaultChecked={initial.type === type && initial.correct.includes(i)}
                className="size-5 shrink-0"
                aria-label={`Option ${i + 1} is right`}
              />
              <input
                name={`option.${i}`}
                defaultValue={initial.type === type ? (initial.options[i] ?? '') : ''}
                aria-label={`Option ${i + 1}`}
                className={`min-h-11 min-w-0 flex-1 ${box}`}
              />
            </div>
          ))}
          <p className="text-sm text-slate-600">Leave a row empty to drop it.</p>
        </Group>
      )}
      {type === 'true_false' && (
        <Group legend="The statement is" error={err('truth')}>
          {(['true', 'false'] as const).map((v) => (
            <label key={v} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="truth" value={v} defaultChecked={initial.truth === (v === 'true')} className="size-5" />
              {v === 'true' ? 'True' : 'False'}
            </label>
          ))}
        </Group>
      )}
      {type === 'fill_blank' && (
        <TextAreaField
          label="Accepted answers"
          name="lines"
          defaultValue={initial.lines}
          hint="One per line; case and punctuation are ignored when grading."
          error={err('lines')}
        />
      )}
      {type === 'ordering' && (
        <TextAreaField
          label="Items in the right order"
          name="lines"
          rows={5}
          defaultValue={initial.lines}
          hint="One per line, first to last. Learners see them shuffled."
          error={err('lines')}
        />
      )}
      {type === 'matching' && (
        <TextAreaField
          label="Pairs"
          name="lines"
          rows={5}
          defaultValue={initial.lines}
          hint="One per line, as term | match. Learners see the matches shuffled."
          error={err('lines')}
        />
      )}
      {open && (
        <>
          <TextAreaField
            label="Model answer"
            name="modelAnswer"
            rows={4}
            defaultValue={initial.modelAnswer}
            hint="What a full-mark answer says. Learners never see it before their answer is graded."
            error={err('modelAnswer')}
          />
          <Group legend="Rubric: what earns points" error={err('rubric')}>
            {Array.from({ length: MAX_CRITERIA }, (_, i) => (
              <div key={i} className="grid grid-cols-[minmax(0,1fr)_5.5rem] items-end gap-2">
                <Field label={`Criterion ${i + 1}`} name={`criterion.${i}`} defaultValue={initial.rubric[i]?.label ?? ''} />
                <Field
                  label="Points"
                  aria-label={`Points for criterion ${i + 1}`}
                  name={`criterionPoints.${i}`}
                  inputMode="numeric"
                  defaultValue={initial.rubric[i]?.points ?? ''}
                />
              </div>
            ))}
            <p className="text-sm text-slate-600">
              Whole points from 1 to {MAX_CRITERION_POINTS} per criterion; leave a row empty to drop it. The question is worth the total.
            </p>
          </Group>
        </>
      )}
      {type === 'numeric' && (
        <div className="grid gap-3 sm:grid-cols-3">
          {(
            [
              ['value', 'Right number', initial.value],
              ['tolerance', 'Tolerance (±)', initial.tolerance],
              ['unit', 'Unit', initial.unit],
            ] as const
          ).map(([name, label, value]) => (
            <Field
              key={name}
              label={label}
              name={name}
              defaultValue={value}
              inputMode={name === 'unit' ? 'text' : 'decimal'}
              error={err(name)}
            />
          ))}
        </div>
      )}

      <TextAreaField
        label={open ? 'Explanation (optional)' : 'Explanation'}
        name="explanation"
        defaultValue={initial.explanation}
        hint={open ? 'Shown to learners with their grade.' : 'Shown to learners after they submit.'}
        error={err('explanation')}
      />
      <TextAreaField
        label="Source sentence"
        name="source"
        defaultValue={initial.source}
        hint="The article sentence that supports the answer (optional for your own questions)."
        error={err('source')}
      />

      {state.status === 'error' && problems.length > 1 ? (
        <Alert>
          <p>This question has {problems.length} problems:</p>
          <ul className="ml-5 list-disc">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        state.status === 'error' && state.message && <Alert>{state.message}</Alert>
      )}
      {state.status === 'success' && state.message && <Alert tone="info">{state.message}</Alert>}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save question'}
        </Button>
      </div>
    </form>
  );
}
