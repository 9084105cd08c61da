'use client';

import { startTransition, useActionState, type FormEvent } from 'react';

/**
 * A form bound to a server action that keeps what the user entered when the action answers with a
 * problem. React resets a form after its `action` prop runs; submitting through a transition from
 * onSubmit does not, so the answers, the article or the question stay on screen beside the message.
 * Without JavaScript the form's plain POST to `formAction` still works.
 */
export function useFormAction<S>(
  action: (state: Awaited<S>, formData: FormData) => S | Promise<S>,
  initial: Awaited<S>,
  options: { canSubmit?: () => boolean; onSubmitted?: () => void } = {},
) {
  const [state, formAction, pending] = useActionState(action, initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (options.canSubmit && !options.canSubmit()) return;
    // The submitter carries the name and value of the button pressed (Preview or Save draft).
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => {
      formAction(formData);
      options.onSubmitted?.();
    });
  };
  return { state, formAction, pending, onSubmit };
}
