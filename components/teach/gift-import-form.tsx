'use client';

import { useState, type ChangeEvent } from 'react';
import { useFormAction } from '@/components/hooks/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionState, FormAction } from '@/lib/action-state';
import { MAX_GIFT_BYTES } from '@/lib/gift/upload';
import { KIND_LABELS } from '@/lib/questions/labels';
import type { StoredQuestionType } from '@/lib/questions/kinds';

export type GiftImportPreview = {
  questions: { line: number; type: StoredQuestionType; prompt: string; answer: string; note?: string; intro?: string }[];
  skipped: { line: number; reason: string }[];
};
export type GiftImportState = ActionState & { preview?: GiftImportPreview; text?: string; fileName?: string };

const initial: GiftImportState = { status: 'idle' };

/** Upload a GIFT file, see what would be added and what is skipped (and why), then add it to the lesson. */
export function GiftImportForm({
  action,
  lessonId,
  lessonTitle,
}: {
  action: FormAction<GiftImportState>;
  lessonId: string;
  lessonTitle: string;
}) {
  const [fileError, setFileError] = useState<string | null>(null);
  const { state, formAction, pending, onSubmit } = useFormAction(action, initial, { canSubmit: () => !fileError });

  // Said at once, before anything is sent; the server checks again for anyone who skips this.
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (file && file.size > MAX_GIFT_BYTES) {
      setFileError(`“${file.name}” is ${Math.ceil(file.size / 1024).toLocaleString('en')} KB; the limit is 1 MB. Split the question bank.`);
      event.currentTarget.value = '';
    } else setFileError(null);
  };
  const error = fileError ?? (state.status === 'error' ? (state.message ?? null) : null);
  const preview = state.status === 'success' ? state.preview : undefined;

  return (
    <div className="flex flex-col gap-6">
      <form
        action={formAction}
        onSubmit={onSubmit}
        className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        noValidate
        aria-label="Choose a GIFT file"
      >
        <input type="hidden" name="lessonId" value={lessonId} />
        <div className="flex flex-col gap-1">
          <label htmlFor="gift-file" className="text-sm font-medium text-slate-800">
            GIFT file
          </label>
          <input
            id="gift-file"
            name="file"
            type="file"
            accept=".gift,.txt,text/plain"
            onChange={onFile}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'gift-file-error gift-file-hint' : 'gift-file-hint'}
            className="max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:font-semibold"
          />
          <p id="gift-file-hint" className="text-sm text-slate-600">
            A .gift or .txt file up to 1 MB, as Moodle exports a question bank in GIFT format.
          </p>
          {error && (
            <p id="gift-file-error" role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" name="intent" value="preview" variant={preview ? 'secondary' : 'primary'} disabled={pending}>
            Preview
          </Button>
          {pending && (
            <span role="status" className="text-sm text-slate-700">
              Reading the file…
            </span>
          )}
        </div>
      </form>

      {preview && state.text !== undefined && (
        <section aria-labelledby="gift-preview-heading" className="flex flex-col gap-4">
          <Alert tone="info">{state.message}</Alert>
          <h2 id="gift-preview-heading" className="text-xl font-semibold">
            What will be added to “{lessonTitle}”
          </h2>
          {preview.questions.length ? (
            <ol className="flex flex-col gap-2 text-sm">
              {preview.questions.map((q) => (
                <li key={q.line} className="rounded-lg border border-slate-200 bg-white p-3">
                  <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                    {KIND_LABELS[q.type]} · line {q.line}
                  </p>
                  {q.intro && (
                    <p className="mt-1 whitespace-pre-line break-words border-l-4 border-slate-300 pl-2 text-slate-700">
                      <span className="text-slate-600">Shown before it: </span>
                      {q.intro}
                    </p>
                  )}
                  <p className="break-words font-medium">{q.prompt}</p>
                  {q.answer && (
                    <p className="mt-1 break-words">
                      <span className="text-slate-600">{q.type === 'open_response' ? 'Model answer: ' : 'Answer: '}</span>
                      {q.answer}
                    </p>
                  )}
                  {q.note && <p className="mt-1 break-words text-slate-700">{q.note}</p>}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-slate-700">Nothing: the file has no question Casewise can add.</p>
          )}
          <h2 className="text-xl font-semibold">Skipped ({preview.skipped.length})</h2>
          {preview.skipped.length ? (
            <ul className="flex flex-col gap-2 text-sm">
              {preview.skipped.map((s) => (
                <li key={s.line} className="break-words rounded-lg bg-amber-50 p-3 text-amber-950">
                  <span className="font-semibold">Line {s.line}:</span> {s.reason}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">Nothing is skipped.</p>
          )}
          {preview.questions.length > 0 && (
            <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-2" aria-label="Add the questions">
              <input type="hidden" name="lessonId" value={lessonId} />
              <input type="hidden" name="fileName" value={state.fileName ?? ''} />
              <input type="hidden" name="text" value={state.text} />
              <p className="text-sm text-slate-700">
                They come after the generated questions as your own, and stay when the article is imported again.
              </p>
              <div>
                <Button type="submit" name="intent" value="save" disabled={pending}>
                  Add {preview.questions.length} {preview.questions.length === 1 ? 'question' : 'questions'}
                </Button>
              </div>
            </form>
          )}
        </section>
      )}
    </div>
  );
}
