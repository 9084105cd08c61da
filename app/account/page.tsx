import type { Metadata } from 'next';
import { changeNameAction, changePasswordAction, deleteAccountAction, saveRetentionAction } from '@/app/account/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { getAccountSummary } from '@/lib/dal/account';
import { getDesiredRetention } from '@/lib/dal/review';
import { RETENTION_DEFAULT, RETENTION_MAX, RETENTION_MIN } from '@/lib/review/schedule';
import { RETENTION_CHOICES } from '@/lib/validation/retention';

export const metadata: Metadata = { title: 'Your account' };

const percent = (n: number) => `${Math.round(n * 100)}%`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Name, password, the spaced-review target and deleting the account. Each section is its own form; later settings add a section. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const [account, retention, { changed }] = await Promise.all([getAccountSummary(), getDesiredRetention(), searchParams]);
  // A target saved outside the list (an older choice) is still shown as what it is.
  const choices = RETENTION_CHOICES.includes(retention) ? RETENTION_CHOICES : [...RETENTION_CHOICES, retention].sort((a, b) => a - b);
  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">Your account</h1>
        <p className="mt-1 break-words text-slate-700">
          Signed in as {account.email} ({account.role}).
        </p>
      </header>

      <section aria-labelledby="name-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="name-heading" className="mb-4 text-xl font-semibold">
          Name
        </h2>
        <ActionForm action={changeNameAction} submit="Save name" pendingLabel="Saving…">
          <Field label="Name" name="name" autoComplete="name" required maxLength={100} defaultValue={account.name} />
        </ActionForm>
      </section>

      <section aria-labelledby="password-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="password-heading" className="mb-1 text-xl font-semibold">
          Password
        </h2>
        <p className="mb-4 text-sm text-slate-600">Changing it signs you out everywhere else.</p>
        {changed === 'password' && (
          <div className="mb-4">
            <Alert tone="info">Your password is changed. Every other device signed in to your account is signed out.</Alert>
          </div>
        )}
        <ActionForm action={changePasswordAction} submit="Change password" pendingLabel="Changing…">
          <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            hint="At least 8 characters."
          />
        </ActionForm>
      </section>

      <section
        id="spaced-review"
        aria-labelledby="spaced-review-heading"
        className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="spaced-review-heading" className="mb-1 text-xl font-semibold">
          Spaced review
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Review brings each question you have answered back when you are about to forget it. Your retention target is how likely you want
          to be to still remember a question when it comes back.
        </p>
        <ul className="mb-4 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>
            You can choose from {percent(RETENTION_MIN)} to {percent(RETENTION_MAX)}. {percent(RETENTION_DEFAULT)} suits most people.
          </li>
          <li>Higher: questions come back sooner and more often, so you forget less but review more.</li>
          <li>Lower: fewer reviews, but you will have forgotten more of the questions when they come back.</li>
          <li>A new target applies from your next answer; questions already waiting keep their dates.</li>
        </ul>
        <ActionForm action={saveRetentionAction} submit="Save target" pendingLabel="Saving…">
          {/* Keyed by the saved value: a select reads its default only when it mounts, and React resets the
              form after the action, which would otherwise show the target from before the save. */}
          <SelectField key={retention} label="Retention target" name="retention" defaultValue={String(retention)}>
            {choices.map((r) => (
              <option key={r} value={r}>
                {percent(r)}
                {r === RETENTION_DEFAULT ? ' (recommended)' : ''}
              </option>
            ))}
          </SelectField>
        </ActionForm>
      </section>

      <section aria-labelledby="delete-heading" className="rounded-xl border border-red-200 bg-white p-5 shadow-sm">
        <h2 id="delete-heading" className="mb-2 text-xl font-semibold text-red-900">
          Delete your account
        </h2>
        <ul className="mb-4 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>Your name, email and password are deleted, and you leave every class you are in.</li>
          {account.attempts > 0 && (
            <li>
              Your {plural(account.attempts, 'quiz attempt stays', 'quiz attempts stay')} in the question statistics without your name or
              any link to you.
            </li>
          )}
          {account.classes > 0 && (
            <li>
              Your {plural(account.classes, 'class is', 'classes are')} closed, with {plural(account.students, 'student', 'students')}: the
              gradebook and assignments go; students keep their attempts as practice.
            </li>
          )}
          {account.caseStudies > 0 && (
            <li>
              Your {plural(account.caseStudies, 'case study is', 'case studies are')} withdrawn: no longer published or in the shared
              library.
            </li>
          )}
          <li>This cannot be undone.</li>
        </ul>
        <ActionForm action={deleteAccountAction} submit="Delete my account" pendingLabel="Deleting…" variant="danger">
          <fieldset className="flex flex-col gap-4">
            <legend className="mb-2 text-sm font-medium text-slate-800">Confirm that you want your account deleted</legend>
            <Field label="Your password" name="password" type="password" autoComplete="current-password" required />
            <label className="flex min-h-11 items-center gap-3 text-sm text-slate-800">
              <input type="checkbox" name="confirm" value="yes" required className="size-5 accent-red-700" />I understand that my account is
              deleted for good.
            </label>
          </fieldset>
        </ActionForm>
      </section>
    </div>
  );
}
