'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { idle, type FormAction } from '@/lib/action-state';

export function SignInForm({ action, next }: { action: FormAction; next?: string }) {
  const [state, formAction, pending] = useActionState(action, idle);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state.status === 'error' && state.message && <Alert>{state.message}</Alert>}
      {next && <input type="hidden" name="next" value={next} />}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={err('email')}
      />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={err('password')} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
