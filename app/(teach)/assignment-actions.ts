'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { removeAssignment, removeExtension, setExtension, updateAssignment } from '@/lib/dal/assignments';
import { assignmentSettings, extensionSettings } from '@/lib/validation/assignment';

const assignmentId = z.uuid({ error: 'Assignment not found.' });
const studentId = z.uuid({ error: 'Choose a student of this class.' });
const NOT_FOUND = { status: 'error', message: 'Assignment not found.' } as const;

export const updateAssignmentAction = createAction(
  { schema: z.object({ assignmentId }).and(assignmentSettings), access: 'instructor' },
  async ({ data: { assignmentId: id, ...settings } }) => {
    const done = await updateAssignment({ id, ...settings });
    if (!done.ok) return NOT_FOUND;
    revalidatePath(`/teach/classes/${done.classId}`);
    redirect(`/teach/classes/${done.classId}?updated=${id}`);
  },
);

export const removeAssignmentAction = createAction({ schema: z.object({ assignmentId }), access: 'instructor' }, async ({ data }) => {
  const done = await removeAssignment({ id: data.assignmentId });
  if (!done.ok) return NOT_FOUND;
  revalidatePath(`/teach/classes/${done.classId}`);
  return { status: 'success', message: 'Assignment removed. The attempts made for it are kept as each student’s practice.' };
});

const EXTENSION_ERRORS = {
  not_found: 'Assignment not found.',
  not_in_class: 'Choose a student of this class.',
  not_later: 'An extension’s due date must be after the class’s due date.',
  nothing: 'Give a later due date, extra attempts, or both.',
} as const;

export const setExtensionAction = createAction(
  { schema: z.object({ assignmentId, studentId }).and(extensionSettings), access: 'instructor' },
  async ({ data }) => {
    const done = await setExtension({ ...data, assignmentId: data.assignmentId });
    if (!done.ok) return { status: 'error', message: EXTENSION_ERRORS[done.error] };
    revalidatePath(`/teach/classes/${done.classId}`);
    revalidatePath(`/teach/classes/${done.classId}/assignments/${data.assignmentId}`);
    return { status: 'success', message: 'Extension saved.' };
  },
);

export const removeExtensionAction = createAction(
  { schema: z.object({ assignmentId, studentId }), access: 'instructor' },
  async ({ data }) => {
    const done = await removeExtension(data);
    if (!done.ok) return { status: 'error', message: 'That extension is not there any more.' };
    revalidatePath(`/teach/classes/${done.classId}`);
    revalidatePath(`/teach/classes/${done.classId}/assignments/${data.assignmentId}`);
    return { status: 'success', message: 'Extension removed.' };
  },
);
