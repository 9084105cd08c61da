'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { idle, type FormAction } from '@/lib/action-state';

export function SignUpForm({ action, next }: { action: FormAction; next?: string }) {
  const [state, formAction, pending] = useActionState(action, idle);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const role = state.values?.role ?? 'student';
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state.status === 'error' && state.message && <Alert>{state.message}</Alert>}
      {next && <input type="hidden" name="next" value={next} />}
      <Field label="Name" name="name" autoComplete="name" required defaultValue={state.values?.name} error={err('name')} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={err('email')}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        error={err('password')}
      />
      <fieldset role="radiogroup" aria-labelledby="role-legend" className="flex flex-col gap-2">
        <legend id="role-legend" className="mb-1 text-sm font-medium text-slate-800">
          I am a
        </legend>
        <div className="grid grid-cols-2 gap-2">
          {(['student', 'instructor'] as const).map((value) => (
            <label
              key={value}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-3 has-checked:border-indigo-600 has-checked:bg-indigo-50"
            >
              <input type="radio" name="role" value={value} defaultChecked={role === value} className="size-4 accent-indigo-700" />
              <span className="text-sm font-medium capitalize">{value === 'student' ? 'Student' : 'Instructor'}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  );
}
