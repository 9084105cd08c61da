'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { GiftImportState } from '@/components/teach/gift-import-form';
import { createAction } from '@/lib/action';
import { importQuestionsIntoLesson } from '@/lib/dal/question-import';
import { MAX_GIFT_BYTES, readGiftUpload } from '@/lib/gift/upload';

const IMPORT_ERRORS = {
  not_found: 'Lesson not found.',
  not_gift: 'This file is not GIFT.',
  nothing_to_add: 'The file has no question Casewise can add.',
  too_many: 'The lesson has no room for these questions.',
} as const;

/** Preview reads the chosen file; "Add" sends back the text that was previewed (checked again, never trusted). */
const schema = z.object({
  lessonId: z.uuid({ error: 'Lesson not found.' }),
  intent: z.enum(['preview', 'save']).catch('preview'),
  // Twice the file limit: multi-byte text may pass this and still be over it, which the DAL's parser says.
  text: z
    .string()
    .max(2 * MAX_GIFT_BYTES, 'The question bank is over 1 MB. Split it.')
    .default(''),
  fileName: z.string().max(200).default(''),
});

export const importQuestionsAction = createAction<typeof schema, 'instructor', GiftImportState>(
  { schema, access: 'instructor' },
  async ({ data: { lessonId, intent, text, fileName }, formData }) => {
    let input = { text, fileName };
    if (intent === 'preview') {
      const upload = formData.get('file');
      const read = readGiftUpload(
        upload instanceof File && upload.size > 0
          ? // Refuse an oversized file before reading a byte of it.
            {
              name: upload.name,
              size: upload.size,
              bytes: upload.size > MAX_GIFT_BYTES ? new Uint8Array() : new Uint8Array(await upload.arrayBuffer()),
            }
          : null,
      );
      if (!read.ok) return { status: 'error', message: read.error, fieldErrors: { file: [read.error] } };
      input = { text: read.text, fileName: read.fileName };
    } else if (!text.trim() || !fileName) {
      return {
        status: 'error',
        message: 'Choose a file and preview it first.',
        fieldErrors: { file: ['Choose a file and preview it first.'] },
      };
    }
    const result = await importQuestionsIntoLesson({ lessonId, ...input, commit: intent === 'save' });
    if (!result.ok) {
      const message =
        result.error === 'not_gift' ? `${IMPORT_ERRORS.not_gift} ${result.message}` : (result.message ?? IMPORT_ERRORS[result.error]);
      return { status: 'error', message, fieldErrors: { file: [message] } };
    }
    if (intent === 'preview') {
      const { questions, skipped } = result;
      const message = `Preview of “${input.fileName}”: ${questions.length} to add, ${skipped.length} skipped. Nothing is saved yet.`;
      return { status: 'success', message, preview: { questions, skipped }, ...input };
    }
    revalidatePath(`/teach/cases/${result.caseStudyId}`);
    redirect(`/teach/cases/${result.caseStudyId}?added=${result.ids.length}#lesson-${lessonId}`);
  },
);
