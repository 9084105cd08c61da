import 'server-only';
import { z } from 'zod';
import { requireUser, type CurrentUser } from './dal/session';

import type { ActionState } from './action-state';

export type { ActionState };

const textFields = (formData: FormData, keep: string[]) =>
  Object.fromEntries(keep.map((k) => [k, String(formData.get(k) ?? '').slice(0, 300)]));

/**
 * Every server action is a public POST endpoint: parse the form with zod (unknown fields are
 * dropped), then run the action. Invalid input comes back as a message, never an exception.
 */
export function validatedAction<S extends z.ZodType, T extends ActionState = ActionState>(
  schema: S,
  // Not inferred from the action: a state type richer than ActionState is named by the caller.
  action: (data: z.infer<S>, formData: FormData) => Promise<NoInfer<T>>,
  options: { echo?: string[] } = {},
) {
  return async (_prev: T, formData: FormData): Promise<T> => {
    const parsed = schema.safeParse(Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string')));
    if (!parsed.success) {
      // Every state type extends ActionState with optional fields only, so this is one of them.
      return {
        status: 'error',
        message: parsed.error.issues[0]?.message ?? 'Check the form and try again.',
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        values: textFields(formData, options.echo ?? []),
      } as T;
    }
    return action(parsed.data, formData);
  };
}

/** As validatedAction, for actions that need a signed-in user (checked again in the DAL). */
export function validatedActionWithUser<S extends z.ZodType>(
  schema: S,
  action: (data: z.infer<S>, formData: FormData, user: CurrentUser) => Promise<ActionState>,
): (prev: ActionState, formData: FormData) => Promise<ActionState> {
  return validatedAction(schema, async (data, formData) => action(data, formData, await requireUser()));
}
