'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { MAX_ARTICLE_BYTES, readArticleInput } from '@/lib/case-study/article-input';
import { importCaseStudy, previewArticle, publishCaseStudy, type ArticlePreview } from '@/lib/dal/authoring';
import { addQuestion, setQuestionEnabled, updateQuestion } from '@/lib/dal/questions';
import { questionFromForm } from '@/lib/quizgen/edit';

export type ImportState = ActionState & { preview?: ArticlePreview; text?: string };

const MAX_FORM_TEXT = 2 * 1024 * 1024;

/** Preview (nothing stored) or save as a draft. A file wins over pasted text. */
const importSchema = z.object({
  intent: z.enum(['preview', 'save']).catch('preview'),
  text: z.string().max(MAX_FORM_TEXT, 'The pasted article is over 1 MB. Split it or paste the part you need.').default(''),
});

export const importCaseAction = validatedAction<typeof importSchema, ImportState>(
  importSchema,
  async ({ intent, text }, formData) => {
    const upload = formData.get('file');
    const file =
      upload instanceof File && upload.size > 0
        ? // Refuse an oversized file before reading a byte of it.
          { name: upload.name, size: upload.size, bytes: upload.size > MAX_ARTICLE_BYTES ? new Uint8Array() : new Uint8Array(await upload.arrayBuffer()) }
        : null;
    const input = readArticleInput({ text, file });
    if (!input.ok) return { status: 'error', message: input.error, fieldErrors: { [input.field]: [input.error] }, text };
    if (intent === 'preview') {
      const preview = await previewArticle({ text: input.text });
      if (!preview.ok) return { status: 'error', message: preview.error, fieldErrors: { text: [preview.error] }, text: input.text };
      return { status: 'success', message: `Preview of “${preview.preview.title}”. Nothing is saved yet.`, preview: preview.preview, text: input.text };
    }
    const saved = await importCaseStudy({ text: input.text, source: input.source });
    if (!saved.ok) return { status: 'error', message: saved.error, fieldErrors: { text: [saved.error] }, text: input.text };
    revalidatePath('/teach/cases');
    redirect(`/teach/cases/${saved.id}?imported=1`);
  },
);

const caseId = z.uuid({ error: 'Case study not found.' });

export const publishCaseAction = validatedAction(z.object({ caseStudyId: caseId }), async ({ caseStudyId }) => {
  const result = await publishCaseStudy({ id: caseStudyId });
  if (result === 'not_found') return { status: 'error', message: 'Case study not found.' };
  if (result === 'no_questions') return { status: 'error', message: 'Enable at least one question before publishing.' };
  revalidatePath('/cases');
  redirect(`/teach/cases/${caseStudyId}?published=1`);
});

export const toggleQuestionAction = validatedAction(
  z.object({ questionId: z.uuid({ error: 'Question not found.' }), enabled: z.enum(['true', 'false']) }),
  async ({ questionId, enabled }) => {
    const done = await setQuestionEnabled({ id: questionId, enabled: enabled === 'true' });
    if (!done) return { status: 'error', message: 'Question not found.' };
    revalidatePath(`/teach/cases/${done.caseStudyId}`);
    return { status: 'success', message: enabled === 'true' ? 'Question enabled.' : 'Question disabled: learners no longer see it.' };
  },
);

const getAllStrings = (formData: FormData) => (name: string) => formData.getAll(name).filter((v): v is string => typeof v === 'string');

/** Saves an edited question; a generator flaw in it is reported but does not block the instructor. */
export const saveQuestionAction = validatedAction(
  z.object({ questionId: z.uuid({ error: 'Question not found.' }), caseStudyId: caseId, type: z.string().max(40) }),
  async ({ questionId, caseStudyId, type }, formData): Promise<ActionState> => {
    const read = questionFromForm(type, getAllStrings(formData));
    if (!read.ok) return { status: 'error', message: read.message, fieldErrors: { [read.field]: [read.message] } };
    const savedId = await updateQuestion({ id: questionId, question: read.question });
    if (!savedId) return { status: 'error', message: 'Question not found.' };
    revalidatePath(`/teach/cases/${caseStudyId}`);
    // A question with answers was saved as a new version: keep editing that one.
    if (read.warning && savedId === questionId) return { status: 'success', message: `Saved. Worth a second look: ${read.warning}.` };
    redirect(`/teach/cases/${caseStudyId}?saved=${savedId}#q-${savedId}`);
  },
);

export const addQuestionAction = validatedAction(
  z.object({ lessonId: z.uuid({ error: 'Lesson not found.' }), type: z.string().max(40) }),
  async ({ lessonId, type }, formData): Promise<ActionState> => {
    const read = questionFromForm(type, getAllStrings(formData));
    if (!read.ok) return { status: 'error', message: read.message, fieldErrors: { [read.field]: [read.message] } };
    const added = await addQuestion({ lessonId, question: read.question });
    if (!added) return { status: 'error', message: 'Lesson not found.' };
    revalidatePath(`/teach/cases/${added.caseStudyId}`);
    redirect(`/teach/cases/${added.caseStudyId}?saved=${added.id}#q-${added.id}`);
  },
);
