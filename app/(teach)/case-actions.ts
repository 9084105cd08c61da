'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ImportState } from '@/components/teach/import-form';
import { createAction, type ActionState } from '@/lib/action';
import { MAX_ARTICLE_BYTES, readArticleInput } from '@/lib/case-study/article-input';
import { importCaseStudy, previewArticle, publishCaseStudy } from '@/lib/dal/authoring';
import { archiveCaseStudy, deleteCaseStudy, restoreCaseStudy, unpublishCaseStudy } from '@/lib/dal/case-lifecycle';
import { addQuestion, setQuestionEnabled, updateQuestion } from '@/lib/dal/questions';
import { readQuestionEditor } from '@/lib/questions/editor';
import { MAX_LESSON_QUESTIONS } from '@/lib/questions/kinds';

const IMPORT_ERRORS = {
  not_instructor: 'Only instructors can import case studies.',
  unreadable: 'This article could not be read.',
  title_taken: 'Other imports of this title were being saved at the same moment. Try again in a moment.',
} as const;

/** Preview (nothing stored) or save as a draft. A file wins over pasted text. */
const importSchema = z.object({
  intent: z.enum(['preview', 'save']).catch('preview'),
  // Twice the article limit: multi-byte text may pass this and still be over 1 MB, which readArticleInput says.
  text: z
    .string()
    .max(2 * MAX_ARTICLE_BYTES, 'The pasted article is over 1 MB. Split it or paste the part you need.')
    .default(''),
});

export const importCaseAction = createAction<typeof importSchema, 'instructor', ImportState>(
  { schema: importSchema, access: 'instructor' },
  async ({ data: { intent, text }, formData }) => {
    const upload = formData.get('file');
    const file =
      upload instanceof File && upload.size > 0
        ? // Refuse an oversized file before reading a byte of it.
          {
            name: upload.name,
            size: upload.size,
            bytes: upload.size > MAX_ARTICLE_BYTES ? new Uint8Array() : new Uint8Array(await upload.arrayBuffer()),
          }
        : null;
    const input = readArticleInput({ text, file });
    if (!input.ok) return { status: 'error', message: input.error, fieldErrors: { [input.field]: [input.error] }, text };
    const failed = (error: keyof typeof IMPORT_ERRORS, message?: string): ImportState => {
      const shown = message ?? IMPORT_ERRORS[error];
      return { status: 'error', message: shown, fieldErrors: { text: [shown] }, text: input.text };
    };
    if (intent === 'preview') {
      const preview = await previewArticle({ text: input.text });
      if (!preview.ok) return failed(preview.error, preview.message);
      const message = `Preview of “${preview.preview.title}”. Nothing is saved yet.`;
      return { status: 'success', message, preview: preview.preview, text: input.text };
    }
    const saved = await importCaseStudy({ text: input.text, source: input.source });
    if (!saved.ok) return failed(saved.error, saved.message);
    revalidatePath('/teach/cases');
    redirect(`/teach/cases/${saved.id}?imported=1`);
  },
);

const caseStudyId = z.uuid({ error: 'Case study not found.' });
const questionId = z.uuid({ error: 'Question not found.' });

export const publishCaseAction = createAction({ schema: z.object({ caseStudyId }), access: 'instructor' }, async ({ data }) => {
  const result = await publishCaseStudy({ id: data.caseStudyId });
  if (!result.ok) {
    const message = result.error === 'no_questions' ? 'Enable at least one question before publishing.' : 'Case study not found.';
    return { status: 'error', message };
  }
  revalidatePath('/cases');
  redirect(`/teach/cases/${data.caseStudyId}?published=1`);
});

const lifecycle = (change: (input: { id: string }) => Promise<{ ok: boolean }>, done: string) =>
  createAction({ schema: z.object({ caseStudyId }), access: 'instructor' }, async ({ data }) => {
    const result = await change({ id: data.caseStudyId });
    if (!result.ok) return { status: 'error', message: 'Case study not found, or already changed. Reload the page.' };
    revalidatePath('/cases');
    revalidatePath('/teach/cases');
    revalidatePath(`/teach/cases/${data.caseStudyId}`);
    return { status: 'success', message: done };
  });

export const unpublishCaseAction = lifecycle(
  unpublishCaseStudy,
  'Unpublished: it is a draft again. Learners can no longer open it; assignments and attempts are kept.',
);
export const archiveCaseAction = lifecycle(archiveCaseStudy, 'Archived: it is out of every library and assign list. Attempts are kept.');
export const restoreCaseAction = lifecycle(restoreCaseStudy, 'Restored from the archive.');

export const deleteCaseAction = createAction({ schema: z.object({ caseStudyId }), access: 'instructor' }, async ({ data }) => {
  const result = await deleteCaseStudy({ id: data.caseStudyId });
  if (!result.ok) return { status: 'error', message: 'Case study not found.' };
  revalidatePath('/cases');
  revalidatePath('/teach/cases');
  if (result.outcome === 'archived') {
    revalidatePath(`/teach/cases/${data.caseStudyId}`);
    return { status: 'success', message: 'Students have attempted it, so it was archived instead of deleted: their attempts are kept.' };
  }
  redirect('/teach/cases?deleted=1');
});

export const toggleQuestionAction = createAction(
  { schema: z.object({ questionId, enabled: z.enum(['true', 'false']) }), access: 'instructor' },
  async ({ data }) => {
    const enabled = data.enabled === 'true';
    const done = await setQuestionEnabled({ id: data.questionId, enabled });
    if (!done.ok) return { status: 'error', message: 'Question not found.' };
    revalidatePath(`/teach/cases/${done.caseStudyId}`);
    return { status: 'success', message: enabled ? 'Question enabled.' : 'Question disabled: learners no longer see it.' };
  },
);

const getAllStrings = (formData: FormData) => (name: string) => formData.getAll(name).filter((v): v is string => typeof v === 'string');

/** Saves an edited question; a generator flaw in it is reported but does not block the instructor. */
export const saveQuestionAction = createAction(
  { schema: z.object({ questionId, caseStudyId, type: z.string().max(40) }), access: 'instructor' },
  async ({ data, formData }): Promise<ActionState> => {
    const read = readQuestionEditor(data.type, getAllStrings(formData));
    if (!read.ok) return { status: 'error', message: read.message, fieldErrors: read.fieldErrors };
    const saved = await updateQuestion({ id: data.questionId, question: read.question });
    if (!saved.ok) return { status: 'error', message: 'Question not found.' };
    revalidatePath(`/teach/cases/${saved.caseStudyId}`);
    // A question with answers was saved as a new version: keep editing that one.
    if (read.warning && saved.id === data.questionId) return { status: 'success', message: `Saved. Worth a second look: ${read.warning}.` };
    redirect(`/teach/cases/${saved.caseStudyId}?saved=${saved.id}#q-${saved.id}`);
  },
);

export const addQuestionAction = createAction(
  { schema: z.object({ lessonId: z.uuid({ error: 'Lesson not found.' }), type: z.string().max(40) }), access: 'instructor' },
  async ({ data, formData }): Promise<ActionState> => {
    const read = readQuestionEditor(data.type, getAllStrings(formData));
    if (!read.ok) return { status: 'error', message: read.message, fieldErrors: read.fieldErrors };
    const added = await addQuestion({ lessonId: data.lessonId, question: read.question });
    if (!added.ok) {
      const message =
        added.error === 'too_many'
          ? `A lesson keeps at most ${MAX_LESSON_QUESTIONS} questions, and this one is full.`
          : 'Lesson not found.';
      return { status: 'error', message };
    }
    revalidatePath(`/teach/cases/${added.caseStudyId}`);
    redirect(`/teach/cases/${added.caseStudyId}?saved=${added.id}#q-${added.id}`);
  },
);
