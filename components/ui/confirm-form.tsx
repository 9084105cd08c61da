'use client';

import { useActionState, useEffect, useId, useRef, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useStatusRegion } from '@/components/ui/status-region';
import { idle, type ActionState } from '@/lib/action-state';

/**
 * A button whose action is confirmed first, in a native modal <dialog> (the browser keeps focus
 * inside it, Escape cancels, focus returns to the button after). The dialog is named by its
 * title and described by its text; Cancel has the focus, so Enter never confirms by accident.
 * Inside a StatusRegion its success message goes there, as the form may leave the page with its item.
 */
export function ConfirmForm({
  action,
  trigger,
  title,
  description,
  confirm,
  children,
  danger = false,
  triggerVariant = 'secondary',
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** The visible label of the button that opens the dialog. */
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  /** The label of the button that does it. */
  confirm: string;
  /** Hidden inputs naming what the action applies to. */
  children?: ReactNode;
  danger?: boolean;
  triggerVariant?: 'primary' | 'secondary';
}) {
  const report = useStatusRegion();
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await action(prev, formData);
    // Reported here, not from an effect: the page's new content may unmount this form with the result.
    if (report && next.status === 'success' && next.message) {
      dialog.current?.close();
      report(next.message);
    }
    return next;
  }, idle);
  const id = useId();
  useEffect(() => {
    if (state !== idle) dialog.current?.close();
  }, [state]);
  return (
    <div className="flex flex-col gap-2">
      {state.status === 'error' && state.message && <Alert>{state.message}</Alert>}
      {!report && state.status === 'success' && state.message && <Alert tone="info">{state.message}</Alert>}
      <div>
        <Button type="button" variant={triggerVariant} onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
          {trigger}
        </Button>
      </div>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="flex flex-col gap-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${id}-description`} className="text-sm text-slate-700">
            {description}
          </div>
          {children}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending} className={danger ? 'bg-red-700 hover:bg-red-800 disabled:bg-red-300' : ''}>
              {pending ? `${confirm}…` : confirm}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
