'use client';

import { useActionState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { idle, type ActionState } from '@/lib/action-state';

/** A form bound to a server action: shows its error or success message and disables while pending. */
export function ActionForm({
  action,
  submit,
  pendingLabel,
  children,
  className = 'flex flex-col gap-4',
  variant,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submit: string;
  pendingLabel?: string;
  children?: ReactNode;
  className?: string;
  variant?: 'primary' | 'secondary' | 'danger';
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className={className} noValidate>
      {state.status === 'error' && state.message && <Alert>{state.message}</Alert>}
      {state.status === 'success' && state.message && <Alert tone="info">{state.message}</Alert>}
      {children}
      <div>
        <Button type="submit" disabled={pending} variant={variant}>
          {pending ? (pendingLabel ?? `${submit}…`) : submit}
        </Button>
      </div>
    </form>
  );
}
