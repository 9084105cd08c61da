/** The state every form action returns to useActionState. Safe to import from client components. */
export type ActionState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Echoed text fields, so a rejected form keeps what the user typed (never passwords). */
  values?: Record<string, string>;
};

export const idle: ActionState = { status: 'idle' };

/** What a page hands a client form: a server action made with createAction (lib/action.ts). */
export type FormAction<T extends ActionState = ActionState> = (previous: T, formData: FormData) => Promise<T>;
