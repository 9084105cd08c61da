'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { idle, type FormAction } from '@/lib/action-state';

/** The header's sign-out button: a form, so it works without JavaScript too. */
export function SignOutForm({ action }: { action: FormAction }) {
  const [, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction}>
      <Button type="submit" variant="secondary" className="min-h-9 py-1" disabled={pending}>
        Sign out
      </Button>
    </form>
  );
}
