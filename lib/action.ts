import 'server-only';
import { z } from 'zod';
import type { ActionState } from './action-state';
import { isDatabaseUnavailable } from './dal/health';
import { requireUser, withSessionScope, type CurrentUser } from './dal/session';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters, withoutControlCharacters } from './validation/text';

export type { ActionState };

/** Who may call an action: anyone (signing in), any signed-in user, instructors or administrators only. */
type Access = 'public' | 'user' | 'instructor' | 'admin';

type Context<S extends z.ZodType, A extends Access> = {
  data: z.infer<S>;
  formData: FormData;
} & (A extends 'public' ? object : { user: CurrentUser });

/** What a user reads when the database did not answer; whether the write happened is unknown. */
const DATABASE_UNAVAILABLE = 'The database did not answer, so this may not have been saved. Try again in a moment.';

const textFields = (formData: FormData, keep: string[]) =>
  Object.fromEntries(keep.map((k) => [k, withoutControlCharacters(String(formData.get(k) ?? '')).slice(0, 300)]));

/**
 * The one way to write a server action; every action is a public POST endpoint. In order: parse
 * the form with zod (unknown fields are dropped, so a forged `score` never reaches the handler),
 * check the signed-in user and their role, then run the handler. Bad input comes back as an
 * ActionState message, never an exception. The DAL checks the session again on every call: this
 * check answers early and clearly, the DAL's is the one that protects the data.
 */
export function createAction<S extends z.ZodType, A extends Access, T extends ActionState = ActionState>(
  options: { schema: S; access: A; /** Text fields to send back on a validation error, so the form keeps them. */ echo?: string[] },
  // Not inferred from the handler: a state type richer than ActionState is named by the caller.
  handler: (context: Context<S, A>) => Promise<NoInfer<T>>,
): (previous: T, formData: FormData) => Promise<T> {
  return async (_previous, formData) => {
    try {
      return await withSessionScope(() => run(formData));
    } catch (error) {
      // The database stopped, restarted or its connection was cut: words and the form kept, not a
      // 500. Anything else (a bug, Next.js's own redirect) goes on as it was thrown.
      if (!isDatabaseUnavailable(error)) throw error;
      console.error(`action: database unavailable (${(error as { code?: string }).code ?? 'no code'})`);
      return { status: 'error', message: DATABASE_UNAVAILABLE, values: textFields(formData, options.echo ?? []) } as T;
    }
  };

  async function run(formData: FormData): Promise<T> {
    const fields = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string'));
    // Checked for every field of every action, so no schema can forget it (issue 10: a NUL in a
    // name was a 500 and a logged query).
    const controlled = Object.keys(fields).filter((k) => hasControlCharacters(fields[k] as string));
    if (controlled.length > 0) {
      return {
        status: 'error',
        message: CONTROL_CHARACTER_MESSAGE,
        fieldErrors: Object.fromEntries(controlled.map((k) => [k, [CONTROL_CHARACTER_MESSAGE]])),
        values: textFields(formData, options.echo ?? []),
      } as T;
    }
    const parsed = options.schema.safeParse(fields);
    if (!parsed.success) {
      // Every state type extends ActionState with optional fields only, so this is one of them.
      return {
        status: 'error',
        message: parsed.error.issues[0]?.message ?? 'Check the form and try again.',
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        values: textFields(formData, options.echo ?? []),
      } as T;
    }
    if (options.access === 'public') return handler({ data: parsed.data, formData } as Context<S, A>);
    const user = await requireUser();
    if (options.access === 'instructor' && user.role !== 'instructor') {
      return { status: 'error', message: 'Only instructors can do this.' } as T;
    }
    if (options.access === 'admin' && user.role !== 'admin') {
      return { status: 'error', message: 'Only administrators can do this.' } as T;
    }
    return handler({ data: parsed.data, formData, user } as Context<S, A>);
  }
}
