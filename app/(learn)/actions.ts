'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { submitQuizAttempt } from '@/lib/dal/attempts';
import { joinClassByCode } from '@/lib/dal/classes';
import { saveQuizDraft } from '@/lib/dal/drafts';
import { MAX_WRITTEN_ANSWER } from '@/lib/questions/kinds';

const submitSchema = z.object({
  lessonId: z.string().max(64),
  /** Empty or absent: practice. */
  assignmentId: z.string().max(64).optional(),
  submissionKey: z.string().max(64),
});

const SUBMIT_ERRORS = {
  empty: 'Answer at least one question before submitting.',
  bad_numbers: 'Some answers need a number, such as 2.8 or 15.',
  too_long: `A written answer is over ${MAX_WRITTEN_ANSWER} characters. Shorten it and submit again; nothing was saved as an attempt.`,
  no_attempts_left: 'You have used every attempt your class allows on this quiz. Your answers were not saved.',
  not_found: 'This quiz is no longer available. Go back to the case study and try again.',
  not_assigned:
    'This quiz is not assigned to you in that class (or you are no longer in the class). Your answers were not saved. Open the quiz again from your dashboard.',
} as const;

/** Answers in, grade out: the client sends choices only; the score is worked out in the DAL. */
export const submitQuizAction = createAction({ schema: submitSchema, access: 'user' }, async ({ data, formData }) => {
  const result = await submitQuizAttempt({
    lessonId: data.lessonId,
    assignmentId: data.assignmentId ?? null,
    submissionKey: data.submissionKey,
    getAll: (name) => formData.getAll(name).filter((v): v is string => typeof v === 'string'),
  });
  if (result.ok) redirect(`/attempts/${result.attemptId}`);
  return {
    status: 'error',
    message: SUBMIT_ERRORS[result.error],
    fieldErrors: Object.fromEntries((result.questionIds ?? []).map((id) => [id, ['Enter a number.']])),
  };
});

/**
 * Autosave of written answers: the fields q.<questionId> of the lesson's written questions, kept on
 * the server until the quiz is submitted. Other fields are ignored; nothing is graded here.
 */
export const saveDraftAction = createAction(
  { schema: z.object({ lessonId: z.string().max(64) }), access: 'user' },
  async ({ data, formData }) => {
    const texts = Object.fromEntries(
      [...formData.entries()].flatMap(([k, v]) => (k.startsWith('q.') && typeof v === 'string' ? [[k.slice(2), v]] : [])),
    );
    const saved = await saveQuizDraft({ lessonId: data.lessonId, texts });
    if (saved.ok) return { status: 'success', message: 'Draft saved.' };
    return {
      status: 'error',
      message:
        saved.error === 'too_long'
          ? `Not saved: keep a written answer to ${MAX_WRITTEN_ANSWER} characters.`
          : 'Not saved: this quiz is no longer available. Copy your text before leaving the page.',
    };
  },
);

const JOIN_ERRORS = {
  malformed_code: 'That is not a join code. Codes have 8 letters and digits.',
  unknown_code: 'No class has that join code. Check it with your instructor.',
  own_class: 'You teach this class, so you cannot join it as a student.',
} as const;

export const joinClassAction = createAction(
  {
    schema: z.object({
      code: z.string({ error: 'Enter the join code.' }).trim().min(1, 'Enter the join code.').max(40, 'That is not a join code.'),
    }),
    access: 'user',
    echo: ['code'],
  },
  async ({ data: { code } }) => {
    const joined = await joinClassByCode({ code });
    if (!joined.ok) return { status: 'error', message: JOIN_ERRORS[joined.error], values: { code } };
    // The id, not the name: the dashboard reads the name of a class the learner is in, so a
    // crafted link cannot put words of its own on the page.
    redirect(`/dashboard?joined=${joined.classId}`);
  },
);
