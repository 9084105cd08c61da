'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedActionWithUser } from '@/lib/action';
import { submitQuizAttempt } from '@/lib/dal/attempts';

const submitSchema = z.object({
  lessonId: z.string().max(64),
  submissionKey: z.string().max(64),
});

/** Answers in, grade out: the client sends choices only; the score is worked out in the DAL. */
export const submitQuizAction = validatedActionWithUser(submitSchema, async (data, formData) => {
  const result = await submitQuizAttempt({
    lessonId: data.lessonId,
    submissionKey: data.submissionKey,
    getAll: (name) => formData.getAll(name).filter((v): v is string => typeof v === 'string'),
  });
  if (result.ok) redirect(`/attempts/${result.attemptId}`);
  switch (result.error) {
    case 'empty':
      return { status: 'error', message: 'Answer at least one question before submitting.' };
    case 'bad_numbers':
      return {
        status: 'error',
        message: 'Some answers need a number, such as 2.8 or 15.',
        fieldErrors: Object.fromEntries((result.questionIds ?? []).map((id) => [id, ['Enter a number.']])),
      };
    case 'no_attempts_left':
      return { status: 'error', message: 'You have used every attempt your class allows on this quiz. Your answers were not saved.' };
    default:
      return { status: 'error', message: 'This quiz is no longer available. Go back to the case study and try again.' };
  }
});
