import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { removeAssignmentAction } from '@/app/(teach)/assignment-actions';
import { assignAction, regenerateCodeAction, removeStudentAction } from '@/app/(teach)/class-actions';
import { DueDateField } from '@/components/teach/due-date-field';
import { GradebookTable } from '@/components/teach/gradebook-table';
import { InviteLink } from '@/components/teach/invite-link';
import { WaitingForGrading } from '@/components/teach/waiting-for-grading';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { SelectField } from '@/components/ui/select-field';
import { StatusRegion } from '@/components/ui/status-region';
import { getGradebookByClassId } from '@/lib/dal/classes';

export const metadata: Metadata = { title: 'Class' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ sort?: string | string[]; updated?: string | string[] }> };

const RULES = { highest: 'highest score counts', latest: 'latest score counts', first: 'first score counts', average: 'average counts' };

export default async function ClassPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const book = await getGradebookByClassId({ classId: id });
  if (!book) notFound();
  const cls = book.class;
  const cases = [...new Map(cls.assignable.map((l) => [l.caseId, l.caseTitle]))];
  const sort = query.sort === 'score' ? 'score' : 'name';
  const updated = typeof query.updated === 'string' ? cls.assignments.find((a) => a.id === query.updated) : undefined;
  return (
    <div className="flex flex-col gap-8">
      <header>
        <p className="text-sm text-slate-600">
          <Link href="/teach" className="hover:underline">
            Teaching
          </Link>{' '}
          ·{' '}
          <Link href="/teach/classes" className="hover:underline">
            Your classes
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{cls.name}</h1>
        {updated && (
          <div className="mt-3 max-w-3xl">
            <Alert tone="info">Assignment “{updated.lessonTitle}” saved.</Alert>
          </div>
        )}
      </header>

      <section
        aria-labelledby="code-heading"
        className="flex max-w-3xl flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="code-heading" className="text-lg font-semibold">
          Invite students
        </h2>
        <InviteLink code={cls.joinCode} />
        <ConfirmForm
          action={regenerateCodeAction}
          trigger="New join code"
          title="Make a new invite code?"
          description="The current code and invite link stop working at once. Students already in the class stay in it."
          confirm="Make a new code"
        >
          <input type="hidden" name="classId" value={cls.id} />
        </ConfirmForm>
      </section>

      <section aria-labelledby="roster-heading" className="max-w-3xl">
        <h2 id="roster-heading" className="mb-3 text-lg font-semibold">
          Students ({cls.roster.length})
        </h2>
        {cls.roster.length === 0 ? (
          <p className="text-slate-700">Nobody has joined yet. Send them the invite link.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {cls.roster.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span className="min-w-0 break-words">
                  <Link href={`/teach/classes/${cls.id}/students/${s.id}`} className="font-medium text-indigo-800 hover:underline">
                    {s.name}
                  </Link>{' '}
                  <span className="text-sm break-all text-slate-600">{s.email}</span>
                </span>
                <ConfirmForm
                  action={removeStudentAction}
                  trigger={`Remove ${s.name}`}
                  title={`Remove ${s.name} from ${cls.name}?`}
                  description="They leave the class and its assignments. Their attempts are kept, and you can let them join again with the code."
                  confirm="Remove student"
                  danger
                >
                  <input type="hidden" name="classId" value={cls.id} />
                  <input type="hidden" name="studentId" value={s.id} />
                </ConfirmForm>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="assignments-heading" className="max-w-3xl">
        <h2 id="assignments-heading" className="mb-3 text-lg font-semibold">
          Assignments ({cls.assignments.length})
        </h2>
        <StatusRegion>
          {cls.assignments.length === 0 ? (
            <p className="text-slate-700">Nothing assigned yet.</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {cls.assignments.map((a) => (
                <li key={a.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                  <div>
                    <h3 className="font-semibold">{a.lessonTitle}</h3>
                    <p className="text-sm text-slate-700">
                      {a.caseTitle} · due <LocalDateTime date={a.dueAt} /> ·{' '}
                      {a.attemptsAllowed
                        ? `${a.attemptsAllowed} ${a.attemptsAllowed === 1 ? 'attempt' : 'attempts'}`
                        : 'unlimited attempts'}{' '}
                      · {RULES[a.scoreRule]}
                      {a.answersShown === 'after_due' ? ' · answers after the due date' : ''}
                      {a.extensions > 0 ? ` · ${a.extensions} ${a.extensions === 1 ? 'extension' : 'extensions'}` : ''}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-start gap-2">
                    <ButtonLink href={`/teach/classes/${cls.id}/assignments/${a.id}`} variant="secondary">
                      Edit assignment<span className="sr-only">: {a.lessonTitle}</span>
                    </ButtonLink>
                    <ConfirmForm
                      action={removeAssignmentAction}
                      trigger={
                        <>
                          Remove assignment<span className="sr-only">: {a.lessonTitle}</span>
                        </>
                      }
                      title={`Remove “${a.lessonTitle}” from ${cls.name}?`}
                      description="Its column leaves the gradebook and students no longer see it as due. The attempts made for it are kept as each student's practice."
                      confirm="Remove assignment"
                      danger
                    >
                      <input type="hidden" name="assignmentId" value={a.id} />
                    </ConfirmForm>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </StatusRegion>
      </section>

      <section aria-labelledby="assign-heading" className="max-w-3xl rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="assign-heading" className="mb-1 text-lg font-semibold">
          Assign work
        </h2>
        <p className="mb-3 text-sm text-slate-700">A lesson this class already has opens its assignment to edit; nothing is replaced.</p>
        <ActionForm action={assignAction} submit="Assign" pendingLabel="Assigning…">
          <input type="hidden" name="classId" value={cls.id} />
          <SelectField label="What to assign" name="target" required defaultValue="">
            <option value="" disabled>
              Choose a case study or a lesson
            </option>
            {cases.map(([caseId, title]) => (
              <optgroup key={caseId} label={title}>
                <option value={`case:${caseId}`}>Every lesson of “{title}”</option>
                {cls.assignable
                  .filter((l) => l.caseId === caseId)
                  .map((l) => (
                    <option key={l.lessonId} value={`lesson:${l.lessonId}`}>
                      {l.lessonTitle}
                    </option>
                  ))}
              </optgroup>
            ))}
          </SelectField>
          <DueDateField required />
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField label="Attempts allowed" name="attemptsAllowed" defaultValue="">
              <option value="">Unlimited</option>
              {[1, 2, 3, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </SelectField>
            <SelectField label="Show answers" name="answersShown" defaultValue="after_attempt">
              <option value="after_attempt">After each attempt</option>
              <option value="after_due">After the due date</option>
            </SelectField>
            <SelectField label="Score that counts" name="scoreRule" defaultValue="highest">
              <option value="highest">Highest</option>
              <option value="latest">Latest</option>
              <option value="first">First</option>
              <option value="average">Average</option>
            </SelectField>
          </div>
        </ActionForm>
      </section>

      <WaitingForGrading waiting={book.waiting} />
      <section aria-labelledby="gradebook-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="gradebook-heading" className="text-lg font-semibold">
            Gradebook
          </h2>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <nav aria-label="Sort the gradebook" className="flex gap-1">
              {(['name', 'score'] as const).map((by) => (
                <Link
                  key={by}
                  href={`/teach/classes/${cls.id}?sort=${by}#gradebook-heading`}
                  aria-current={sort === by ? 'true' : undefined}
                  className={`rounded-lg border px-3 py-2 font-medium ${sort === by ? 'border-indigo-700 bg-indigo-50 text-indigo-900' : 'border-slate-300 bg-white hover:bg-slate-50'}`}
                >
                  Sort by {by}
                </Link>
              ))}
            </nav>
            <a
              href={`/teach/classes/${cls.id}/gradebook.csv`}
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-50"
              download
            >
              Export CSV
            </a>
          </div>
        </div>
        {book.assignments.length === 0 ? (
          <p className="text-slate-700">Nothing assigned yet.</p>
        ) : (
          <GradebookTable book={book} sort={sort} />
        )}
      </section>
    </div>
  );
}
