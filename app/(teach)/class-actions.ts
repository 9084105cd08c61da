'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { assign, createClass, joinClass, regenerateJoinCode, removeStudent } from '@/lib/dal/classes';

const uuid = z.uuid({ error: 'Class not found.' });

export const createClassAction = validatedAction(
  z.object({ name: z.string().trim().min(1, 'Give the class a name.').max(120, 'Keep the class name under 120 characters.') }),
  async ({ name }) => {
    const created = await createClass(name);
    if (!created.ok) return { status: 'error', message: created.error };
    redirect(`/teach/classes/${created.id}`);
  },
);

export const regenerateCodeAction = validatedAction(z.object({ classId: uuid }), async ({ classId }) => {
  if (!(await regenerateJoinCode(classId))) return { status: 'error', message: 'Class not found.' };
  revalidatePath(`/teach/classes/${classId}`);
  return { status: 'success', message: 'New join code created. The old one no longer works.' };
});

export const removeStudentAction = validatedAction(z.object({ classId: uuid, studentId: z.uuid() }), async ({ classId, studentId }) => {
  if (!(await removeStudent(classId, studentId))) return { status: 'error', message: 'That student is not in this class.' };
  revalidatePath(`/teach/classes/${classId}`);
  return { status: 'success', message: 'Student removed from the class. Their attempts are kept.' };
});

export const assignAction = validatedAction(
  z.object({
    classId: uuid,
    target: z.string({ error: 'Choose what to assign.' }).min(1, 'Choose what to assign.').max(60),
    dueAt: z
      .string({ error: 'Choose a due date.' })
      .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'Choose a due date.')
      .transform((v) => new Date(v.length === 10 ? `${v}T23:59:59Z` : `${v}:00Z`))
      .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() < 3000, 'Choose a valid due date.'),
    attemptsAllowed: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 20), 'Attempts allowed must be between 1 and 20, or unlimited.'),
    answersShown: z.enum(['after_attempt', 'after_due']).default('after_attempt'),
    scoreRule: z.enum(['highest', 'latest', 'first', 'average']).default('highest'),
  }),
  async (data): Promise<ActionState> => {
    const result = await assign(data);
    if (!result.ok) return { status: 'error', message: result.error };
    revalidatePath(`/teach/classes/${data.classId}`);
    return { status: 'success', message: result.count === 1 ? 'Lesson assigned.' : `${result.count} lessons assigned.` };
  },
);

export const joinClassAction = validatedAction(
  z.object({ code: z.string({ error: 'Enter the join code.' }).trim().min(1, 'Enter the join code.').max(40, 'That is not a join code.') }),
  async ({ code }) => {
    const joined = await joinClass(code);
    if (!joined.ok) return { status: 'error', message: joined.error, values: { code } };
    redirect(`/dashboard?joined=${encodeURIComponent(joined.className)}`);
  },
  { echo: ['code'] },
);
