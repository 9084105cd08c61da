'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { submitReview } from '@/lib/dal/review';

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
