'use client';

import { useActionState } from 'react';
import { signInAction } from '@/app/(auth)/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { idle } from '@/lib/action-state';

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, idle);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.status === 'error' && state.message && <Alert>{state.message}</Alert>}
      {next && <input type="hidden" name="next" value={next} />}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={err('email')} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={err('password')} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
