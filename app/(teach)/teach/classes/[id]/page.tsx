import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { assignAction, regenerateCodeAction, removeStudentAction } from '@/app/(teach)/class-actions';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { getGradebookByClassId } from '@/lib/dal/classes';
import { formatShortDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Class' };

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const book = await getGradebookByClassId({ classId: id });
  if (!book) notFound();
  const cls = book.class;
  const cases = [...new Map(cls.assignable.map((l) => [l.caseId, l.caseTitle]))];
  return (
    <div className="flex flex-col gap-8">
      <header>
        <p className="text-sm text-slate-600">
          <Link href="/teach/classes" className="hover:underline">
            Your classes
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{cls.name}</h1>
      </header>

      <section
        aria-labelledby="code-heading"
        className="flex max-w-3xl flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="code-heading" className="text-lg font-semibold">
          Invite students
        </h2>
        <Field
          label="Join code"
          name="joinCode"
          readOnly
          value={cls.joinCode}
          className="font-mono text-lg tracking-widest"
          hint={`Students enter it at /join, or open /join?code=${cls.joinCode}`}
        />
        <ActionForm action={regenerateCodeAction} submit="New join code" variant="secondary">
          <input type="hidden" name="classId" value={cls.id} />
        </ActionForm>
      </section>

      <section aria-labelledby="roster-heading" className="max-w-3xl">
        <h2 id="roster-heading" className="mb-3 text-lg font-semibold">
          Students ({cls.roster.length})
        </h2>
        {cls.roster.length === 0 ? (
          <p className="text-slate-700">Nobody has joined yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {cls.roster.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span>
                  {s.name} <span className="text-sm text-slate-600">{s.email}</span>
                </span>
                <ActionForm
                  action={removeStudentAction}
                  submit={`Remove ${s.name}`}
                  variant="secondary"
                  className="flex items-center gap-2"
                >
                  <input type="hidden" name="classId" value={cls.id} />
                  <input type="hidden" name="studentId" value={s.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="assign-heading" className="max-w-3xl rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="assign-heading" className="mb-3 text-lg font-semibold">
          Assign work
        </h2>
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
          <Field label="Due date" name="dueAt" type="date" required />
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

      <section aria-labelledby="gradebook-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="gradebook-heading" className="text-lg font-semibold">
            Gradebook
          </h2>
          <a
            href={`/teach/classes/${cls.id}/gradebook.csv`}
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
            download
          >
            Export CSV
          </a>
        </div>
        {book.assignments.length === 0 ? (
          <p className="text-slate-700">Nothing assigned yet.</p>
        ) : (
          <div
            className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white"
            tabIndex={0}
            role="region"
            aria-label="Gradebook table"
          >
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-left">
                  <th scope="col" className="px-3 py-2">
                    Student
                  </th>
                  {book.assignments.map((a) => (
                    <th key={a.id} scope="col" className="px-3 py-2 font-semibold">
                      {a.lessonTitle}
                      <span className="block font-normal text-slate-600">
                        due {formatShortDate(a.dueAt)} · {a.scoreRule}
                        {a.attemptsAllowed ? ` · ${a.attemptsAllowed} ${a.attemptsAllowed === 1 ? 'attempt' : 'attempts'}` : ''}
                        {a.answersShown === 'after_due' ? ' · answers after due date' : ''}
                      </span>
                      <Link href={`/teach/analysis/${a.lessonId}?class=${cls.id}`} className="block font-normal text-indigo-800 underline">
                        Item analysis<span className="sr-only"> of {a.lessonTitle}</span>
                      </Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {book.students.map((s) => (
                  <tr key={s.id} className="border-b border-slate-100">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {s.name}
                    </th>
                    {s.cells.map((c) => (
                      <td key={c.assignmentId} className="px-3 py-2">
                        {c.attempts === 0 ? (
                          <span className="text-slate-500">not started</span>
                        ) : (
                          <span>
                            <Link href={`/attempts/${c.attemptIds.at(-1)}`} className="font-semibold text-indigo-800 hover:underline">
                              {percent(c.score)}
                            </Link>{' '}
                            <span className="text-slate-600">
                              · {c.attempts} {c.attempts === 1 ? 'attempt' : 'attempts'}
                            </span>
                            {c.late && (
                              <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">late</span>
                            )}
                          </span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
