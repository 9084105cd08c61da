import { fieldName } from '@/lib/grading/answer-sheet';
import type { FormAction } from '@/lib/action-state';
import type { QuizQuestion } from '@/lib/dal/catalog-types';
import { QuestionIntro } from './question-intro';
import { WrittenAnswer } from './written-answer';

const choice =
  'flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2.5 has-checked:border-indigo-600 has-checked:bg-indigo-50';
const control = 'mt-1 size-4 shrink-0 accent-indigo-700';
const select = 'min-h-11 rounded-lg border border-slate-500 bg-white px-2 text-base';

/** One question as a fieldset whose legend is the question; inputs carry no hint of the key. */
export function QuestionField({
  question,
  error,
  written,
}: {
  question: QuizQuestion;
  error?: string;
  /** Written answers: the quiz's lesson, the saved draft's text and the action that saves it. */
  written?: { lessonId: string; initial: string; saveDraft?: FormAction };
}) {
  const { id, prompt, data, intro } = question;
  const legendId = `legend-${id}`;
  const errorId = `error-${id}`;
  const introId = `intro-${id}`;
  const name = fieldName(id);
  const describedBy = [intro ? introId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <>
      <QuestionIntro id={introId} text={intro} className="mb-3" />
      <fieldset className="flex min-w-0 flex-col gap-3" aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined}>
        <legend id={legendId} className="mb-3 text-base font-semibold leading-snug text-slate-900">
          {prompt}
        </legend>
        {(data.type === 'single_choice' || data.type === 'multiple_choice') &&
          data.options.map((option, i) => (
            <label key={i} className={choice}>
              <input type={data.type === 'single_choice' ? 'radio' : 'checkbox'} name={name} value={i} className={control} />
              <span>{option}</span>
            </label>
          ))}
        {data.type === 'true_false' && (
          <div className="grid grid-cols-2 gap-2">
            {['true', 'false'].map((v) => (
              <label key={v} className={choice}>
                <input type="radio" name={name} value={v} className={control} />
                <span>{v === 'true' ? 'True' : 'False'}</span>
              </label>
            ))}
          </div>
        )}
        {(data.type === 'fill_blank' || data.type === 'numeric') && (
          <div className="flex items-center gap-2">
            <input
              type="text"
              name={name}
              aria-labelledby={legendId}
              inputMode={data.type === 'numeric' ? 'decimal' : 'text'}
              autoComplete="off"
              spellCheck={data.type === 'fill_blank'}
              maxLength={200}
              className="min-h-11 w-full max-w-sm rounded-lg border border-slate-500 bg-white px-3 py-2 text-base"
            />
            {data.type === 'numeric' && data.unit && <span className="text-slate-700">{data.unit}</span>}
          </div>
        )}
        {data.type === 'open_response' && (
          <WrittenAnswer
            name={name}
            questionId={id}
            lessonId={written?.lessonId ?? ''}
            legendId={legendId}
            describedBy={error ? errorId : undefined}
            initial={written?.initial ?? ''}
            saveDraft={written?.saveDraft}
          />
        )}
        {data.type === 'ordering' &&
          data.items.map((item, row) => (
            <label key={row} className="flex min-w-0 items-center gap-3">
              <select name={fieldName(id, row)} defaultValue="" className={select} aria-label={`Position of “${item}”`}>
                <option value="">–</option>
                {data.items.map((_, p) => (
                  <option key={p} value={p}>
                    {p + 1}
                  </option>
                ))}
              </select>
              <span aria-hidden="true" className="min-w-0 break-words">
                {item}
              </span>
            </label>
          ))}
        {data.type === 'matching' &&
          data.left.map((term, row) => (
            <label key={row} className="flex min-w-0 flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
              <span className="font-medium sm:w-1/3">{term}</span>
              {/* Full width and no wider: a select is otherwise as wide as its longest option (707 px at 390). */}
              <select name={fieldName(id, row)} defaultValue="" className={`${select} w-full min-w-0 max-w-full sm:w-auto sm:flex-1`}>
                <option value="">Choose…</option>
                {data.right.map((r, i) => (
                  <option key={i} value={i}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
          ))}
        {error && (
          <p id={errorId} className="text-sm text-red-700">
            {error}
          </p>
        )}
      </fieldset>
    </>
  );
}
