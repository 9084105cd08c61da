'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { setCaseStudyShared } from '@/lib/dal/shared-library';

const SHARE_ERRORS = {
  not_admin: 'Only administrators can do this.',
  not_found: 'Case study not found.',
  not_published: 'Only a published case study can join the shared library; this one is a draft.',
} as const;

/** Promote a published import into the shared library, or take it out again (administrators only). */
export const setSharedAction = createAction(
  {
    schema: z.object({ caseStudyId: z.uuid({ error: 'Case study not found.' }), shared: z.enum(['true', 'false']) }),
    access: 'admin',
  },
  async ({ data }) => {
    const shared = data.shared === 'true';
    const result = await setCaseStudyShared({ id: data.caseStudyId, shared });
    if (!result.ok) return { status: 'error', message: SHARE_ERRORS[result.error] };
    revalidatePath('/admin');
    revalidatePath('/cases');
    return {
      status: 'success',
      message: shared
        ? `“${result.title}” is in the shared library: every learner sees it and every instructor may assign it.`
        : `“${result.title}” left the shared library: its owner and the classes it is assigned to still see it.`,
    };
  },
);
