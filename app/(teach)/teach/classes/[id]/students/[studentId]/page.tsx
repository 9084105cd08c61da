import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { getStudentRecord } from '@/lib/dal/student-record';
import { studentAverage } from '@/lib/progress/gradebook';

export const metadata: Metadata = { title: 'Student' };

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export default async function StudentRecordPage({ params }: { params: Promise<{ id: string; studentId: string }> }) {
  const { id, studentId } = await params;
  const record = await getStudentRecord({ classId: id, studentId });
  if (!record) notFound();
  const average = studentAverage({ name: record.student.name, cells: record.assignments.map((a) => a.cell) });
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href={`/teach/classes/${record.class.id}#gradebook-heading`} className="hover:underline">
            ← Gradebook of {record.class.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold break-words sm:text-3xl">{record.student.name}</h1>
        <p className="mt-1 break-all text-slate-700">{record.student.email}</p>
        <p className="mt-1 text-slate-700">
          Average {percent(average.value)}
          {average.count ? ` over ${average.count} of ${record.assignments.length} assignments` : ' (no scores yet)'}.
        </p>
      </header>
      {record.assignments.length === 0 && <p className="text-slate-700">Nothing assigned to this class yet.</p>}
      <ul className="flex flex-col gap-4">
        {record.assignments.map((a) => (
          <li key={a.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="font-semibold">{a.lessonTitle}</h2>
            <p className="text-sm text-slate-700">
              {a.caseTitle} · due <LocalDateTime date={a.dueAt} />
              {a.cell.extended ? ' · has an extension' : ''} · counted ({a.scoreRule}): <strong>{percent(a.cell.score)}</strong>
              {a.cell.late ? ' · late' : ''}
            </p>
            {a.attempts.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">Not started.</p>
            ) : (
              <ol className="mt-2 flex flex-col gap-1 text-sm">
                {a.attempts.map((t, i) => (
                  <li key={t.id}>
                    <Link href={`/attempts/${t.id}`} className="font-medium text-indigo-800 hover:underline">
                      Attempt {i + 1}: {t.score} of {t.maxScore} ({percent(t.fraction)})
                    </Link>{' '}
                    <span className="text-slate-600">
                      · <LocalDateTime date={t.submittedAt} />
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
