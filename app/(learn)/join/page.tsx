import type { Metadata } from 'next';
import { joinClassAction } from '@/app/(learn)/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { findClassByJoinCode } from '@/lib/dal/classes';
import { requireUser } from '@/lib/dal/session';

export const metadata: Metadata = { title: 'Join a class' };

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  await requireUser();
  const { code } = await searchParams;
  const initial = typeof code === 'string' ? code.slice(0, 40) : '';
  const found = initial ? await findClassByJoinCode({ code: initial }) : null;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">Join a class</h1>
        <p className="mt-1 text-slate-700">Enter the code your instructor gave you. Your assignments then appear on your dashboard.</p>
      </header>
      {found && (
        <p className="rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-950">
          This code is for <strong className="break-words">{found.name}</strong>, taught by {found.teacher}. Press “Join class” to join it.
        </p>
      )}
      <ActionForm action={joinClassAction} submit="Join class" pendingLabel="Joining…">
        <Field
          label="Join code"
          name="code"
          required
          defaultValue={initial}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          className="font-mono"
        />
      </ActionForm>
    </div>
  );
}
