'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { gradeWrittenAnswer } from '@/lib/dal/grading';

/** Grades or regrades one written answer: points per rubric criterion and a comment, checked in the DAL. */
export const gradeAnswerAction = createAction(
  { schema: z.object({ answerId: z.uuid({ error: 'Answer not found.' }) }), access: 'instructor' },
  async ({ data, formData }) => {
    const result = await gradeWrittenAnswer({
      answerId: data.answerId,
      getAll: (name) => formData.getAll(name).filter((v): v is string => typeof v === 'string'),
    });
    if (!result.ok) {
      if (result.error === 'invalid') return { status: 'error', message: result.message, fieldErrors: result.fieldErrors };
      const message =
        result.error === 'nothing_to_grade'
          ? 'This answer has nothing to grade: it is not a written answer, or it was left blank.'
          : 'Answer not found, or not one of your classes’ attempts. Nothing was saved.';
      return { status: 'error', message };
    }
    revalidatePath(`/attempts/${result.attemptId}`);
    return {
      status: 'success',
      message: result.regraded ? 'Regraded. The learner sees the new grade.' : 'Graded. The learner now sees the grade and your comment.',
    };
  },
);
