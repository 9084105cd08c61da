'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { assignLessons, createClass, regenerateJoinCodeByClassId, removeStudentFromClass } from '@/lib/dal/classes';
import { assignmentSettings } from '@/lib/validation/assignment';

const classId = z.uuid({ error: 'Class not found.' });

export const createClassAction = createAction(
  {
    schema: z.object({ name: z.string().trim().min(1, 'Give the class a name.').max(120, 'Keep the class name under 120 characters.') }),
    access: 'instructor',
  },
  async ({ data: { name } }) => {
    const created = await createClass({ name });
    if (!created.ok) return { status: 'error', message: 'Could not create the class. Try again.' };
    redirect(`/teach/classes/${created.id}`);
  },
);

export const regenerateCodeAction = createAction({ schema: z.object({ classId }), access: 'instructor' }, async ({ data }) => {
  const done = await regenerateJoinCodeByClassId({ classId: data.classId });
  if (!done.ok) return { status: 'error', message: 'Class not found.' };
  revalidatePath(`/teach/classes/${data.classId}`);
  return { status: 'success', message: 'New join code created. The old one no longer works.' };
});

export const removeStudentAction = createAction(
  { schema: z.object({ classId, studentId: z.uuid({ error: 'That student is not in this class.' }) }), access: 'instructor' },
  async ({ data }) => {
    const removed = await removeStudentFromClass(data);
    if (!removed.ok) return { status: 'error', message: 'That student is not in this class.' };
    revalidatePath(`/teach/classes/${data.classId}`);
    return { status: 'success', message: 'Student removed from the class. Their attempts are kept.' };
  },
);

const assignSchema = z
  .object({
    classId,
    target: z.string({ error: 'Choose what to assign.' }).min(1, 'Choose what to assign.').max(60),
  })
  .and(assignmentSettings);

const ASSIGN_ERRORS = {
  not_found: 'Class not found.',
  bad_target: 'Choose a case study or a lesson to assign.',
  not_published: 'Only published case studies can be assigned.',
} as const;

export const assignAction = createAction({ schema: assignSchema, access: 'instructor' }, async ({ data }) => {
  const result = await assignLessons(data);
  // Asked again for a lesson the class has: open that assignment instead of replacing it.
  if (!result.ok && result.error === 'already_assigned')
    redirect(`/teach/classes/${data.classId}/assignments/${result.assignmentId}?existing=1`);
  if (!result.ok) return { status: 'error', message: ASSIGN_ERRORS[result.error] };
  revalidatePath(`/teach/classes/${data.classId}`);
  const added =
    result.count === 0 ? 'Nothing new to assign.' : result.count === 1 ? 'Lesson assigned.' : `${result.count} lessons assigned.`;
  const kept = result.kept
    ? ` ${result.kept === 1 ? 'One lesson was' : `${result.kept} lessons were`} already assigned and kept ${result.kept === 1 ? 'its' : 'their'} settings: use Edit assignment to change them.`
    : '';
  return { status: 'success', message: `${added}${kept}` };
});
