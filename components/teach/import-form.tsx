'use client';

import { useState, type ChangeEvent } from 'react';
import { useFormAction } from '@/components/hooks/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';
import type { ActionState, FormAction } from '@/lib/action-state';
import { MAX_ARTICLE_BYTES } from '@/lib/case-study/article-input';
import type { ArticlePreview } from '@/lib/dal/authoring';
import { ArticlePreviewView } from './article-preview';

export type ImportState = ActionState & { preview?: ArticlePreview; text?: string };

const initial: ImportState = { status: 'idle' };

/** Paste or upload an article, preview its lessons and questions, then save it as a draft. */
export function ImportForm({ action }: { action: FormAction<ImportState> }) {
  const [fileError, setFileError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const { state, formAction, pending, onSubmit } = useFormAction(action, initial, {
    canSubmit: () => !fileError,
    onSubmitted: () => setRound((r) => r + 1),
  });

  // Said at once, before anything is sent; the server checks again for anyone who skips this.
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (file && file.size > MAX_ARTICLE_BYTES) {
      setFileError(
        `“${file.name}” is ${Math.ceil(file.size / 1024).toLocaleString('en')} KB; the limit is 1 MB. Split the article or paste the part you need.`,
      );
      event.currentTarget.value = '';
    } else setFileError(null);
  };
  const textError = state.fieldErrors?.text?.[0];
  const fileFieldError = fileError ?? state.fieldErrors?.file?.[0];

  return (
    <div className="flex flex-col gap-6">
      <form
        action={formAction}
        onSubmit={onSubmit}
        className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        noValidate
      >
        <TextAreaField
          // A preview puts the article (also an uploaded file's) in the box, so "Save draft" saves what was previewed.
          key={`${round}-${state.text?.length ?? 0}`}
          id="article-text"
          label="Article text"
          name="text"
          rows={12}
          defaultValue={state.text ?? ''}
          className="font-mono text-sm"
          placeholder={'Title on the first line\n\nIntroduction…\n\n## First section\n…'}
          hint="Markdown or text pasted from a web page: the first line is the title, each heading starts a lesson."
          error={textError}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="article-file" className="text-sm font-medium text-slate-800">
            Article file
          </label>
          <input
            id="article-file"
            name="file"
            type="file"
            accept=".md,.markdown,.txt,text/plain,text/markdown"
            onChange={onFile}
            aria-invalid={fileFieldError ? true : undefined}
            aria-describedby={fileFieldError ? 'article-file-error article-file-hint' : 'article-file-hint'}
            className="text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:font-semibold"
          />
          <p id="article-file-hint" className="text-sm text-slate-600">
            A .md or .txt file up to 1 MB. A chosen file is used instead of the text above.
          </p>
          {fileFieldError && (
            <p id="article-file-error" className="text-sm text-red-700">
              {fileFieldError}
            </p>
          )}
        </div>
        {state.status === 'error' && state.message && <Alert>{state.message}</Alert>}
        {state.status === 'success' && state.message && <Alert tone="info">{state.message}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
            Preview
          </Button>
          <Button type="submit" name="intent" value="save" disabled={pending}>
            Save draft
          </Button>
          {pending && (
            <span role="status" className="self-center text-sm text-slate-700">
              Reading the article and writing questions…
            </span>
          )}
        </div>
      </form>
      {state.preview && <ArticlePreviewView preview={state.preview} />}
    </div>
  );
}
