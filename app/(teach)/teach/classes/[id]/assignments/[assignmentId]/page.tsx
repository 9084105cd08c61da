import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { removeExtensionAction, setExtensionAction, updateAssignmentAction } from '@/app/(teach)/assignment-actions';
import { DueDateField } from '@/components/teach/due-date-field';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { SelectField } from '@/components/ui/select-field';
import { getAssignmentForEdit } from '@/lib/dal/assignments';

export const metadata: Metadata = { title: 'Edit assignment' };

type Props = { params: Promise<{ id: string; assignmentId: string }>; searchParams: Promise<{ existing?: string | string[] }> };

export default async function EditAssignmentPage({ params, searchParams }: Props) {
  const [{ id, assignmentId }, query] = await Promise.all([params, searchParams]);
  const a = await getAssignmentForEdit({ id: assignmentId, classId: id });
  if (!a) notFound();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm text-slate-600">
          <Link href={`/teach/classes/${a.classId}`} className="hover:underline">
            ← {a.className}
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">Edit assignment</h1>
        <p className="text-slate-700">
          {a.lessonTitle} · {a.caseTitle}
        </p>
        {query.existing && (
          <Alert tone="info">
            {a.className} already has this lesson, due <LocalDateTime date={a.dueAt} />. Nothing was replaced: change its settings here if
            you meant to.
          </Alert>
        )}
      </header>

      <section aria-labelledby="settings-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="settings-heading" className="mb-3 text-lg font-semibold">
          Settings
        </h2>
        <ActionForm action={updateAssignmentAction} submit="Save changes" pendingLabel="Saving…">
          <input type="hidden" name="assignmentId" value={a.id} />
          <DueDateField defaultValue={a.dueAt} required />
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField label="Attempts allowed" name="attemptsAllowed" defaultValue={a.attemptsAllowed ? String(a.attemptsAllowed) : ''}>
              <option value="">Unlimited</option>
              {[...new Set([1, 2, 3, 5, ...(a.attemptsAllowed ? [a.attemptsAllowed] : [])])]
                .sort((x, y) => x - y)
                .map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
            </SelectField>
            <SelectField label="Show answers" name="answersShown" defaultValue={a.answersShown}>
              <option value="after_attempt">After each attempt</option>
              <option value="after_due">After the due date</option>
            </SelectField>
            <SelectField label="Score that counts" name="scoreRule" defaultValue={a.scoreRule}>
              <option value="highest">Highest</option>
              <option value="latest">Latest</option>
              <option value="first">First</option>
              <option value="average">Average</option>
            </SelectField>
          </div>
        </ActionForm>
      </section>

      <section aria-labelledby="extensions-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="extensions-heading" className="mb-1 text-lg font-semibold">
          Extensions
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          A later due date, extra attempts, or both, for one student. The server holds them to it: the extra attempts count on submit, and
          lateness and hidden answers follow their own due date.
        </p>
        {a.extensions.length > 0 && (
          <ul className="mb-4 divide-y divide-slate-200 rounded-lg border border-slate-200">
            {a.extensions.map((e) => (
              <li key={e.studentId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  <strong>{e.name}</strong>:{' '}
                  {e.dueAt ? (
                    <>
                      due <LocalDateTime date={e.dueAt} />
                    </>
                  ) : (
                    'the class’s due date'
                  )}
                  {e.extraAttempts ? ` · ${e.extraAttempts} extra ${e.extraAttempts === 1 ? 'attempt' : 'attempts'}` : ''}
                </span>
                <ActionForm
                  action={removeExtensionAction}
                  submit={`Remove extension of ${e.name}`}
                  variant="secondary"
                  className="flex flex-col gap-1"
                >
                  <input type="hidden" name="assignmentId" value={a.id} />
                  <input type="hidden" name="studentId" value={e.studentId} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        {a.roster.length === 0 ? (
          <p className="text-sm text-slate-700">No students in the class yet.</p>
        ) : (
          <ActionForm action={setExtensionAction} submit="Give extension" pendingLabel="Saving…">
            <input type="hidden" name="assignmentId" value={a.id} />
            <SelectField label="Student" name="studentId" required defaultValue="">
              <option value="" disabled>
                Choose a student
              </option>
              {a.roster.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            <DueDateField label="Later due date and time" hint="Leave empty to keep the class’s due date." />
            <SelectField label="Extra attempts" name="extraAttempts" defaultValue="0">
              {[0, 1, 2, 3, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </SelectField>
          </ActionForm>
        )}
      </section>
    </div>
  );
}
