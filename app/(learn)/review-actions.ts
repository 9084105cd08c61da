'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { setDesiredRetention, submitReview } from '@/lib/dal/review';
import { RETENTION_MAX, RETENTION_MIN } from '@/lib/review/schedule';

const REVIEW_ERRORS = {
  empty: 'Answer at least one question before submitting.',
  bad_numbers: 'Some answers need a number, such as 2.8 or 15.',
  not_found: 'This review form is out of date. Reload the page to get the questions that are due.',
} as const;

/** A review round in, rescheduled cards out: graded in the DAL, never counted for a class. */
export const submitReviewAction = createAction(
  { schema: z.object({ roundKey: z.string().max(64) }), access: 'user' },
  async ({ data, formData }) => {
    const result = await submitReview({
      roundKey: data.roundKey,
      questionIds: formData
        .getAll('question')
        .filter((v): v is string => typeof v === 'string')
        .slice(0, 50),
      getAll: (name) => formData.getAll(name).filter((v): v is string => typeof v === 'string'),
    });
    if (result.ok) redirect(`/review?round=${result.roundKey}`);
    return {
      status: 'error',
      message: REVIEW_ERRORS[result.error],
      fieldErrors: Object.fromEntries((result.questionIds ?? []).map((id) => [id, ['Enter a number.']])),
    };
  },
);

const percent = (n: number) => `${Math.round(n * 100)}%`;

export const saveRetentionAction = createAction(
  {
    schema: z.object({
      retention: z.coerce
        .number({ error: 'Choose a retention target.' })
        .min(RETENTION_MIN, `Choose a target between ${percent(RETENTION_MIN)} and ${percent(RETENTION_MAX)}.`)
        .max(RETENTION_MAX, `Choose a target between ${percent(RETENTION_MIN)} and ${percent(RETENTION_MAX)}.`),
    }),
    access: 'user',
  },
  async ({ data }) => {
    const saved = await setDesiredRetention({ retention: data.retention });
    if (!saved.ok) return { status: 'error', message: `Choose a target between ${percent(RETENTION_MIN)} and ${percent(RETENTION_MAX)}.` };
    revalidatePath('/review');
    return { status: 'success', message: `Retention target saved: ${percent(saved.retention)}. It applies from your next answer.` };
  },
);
