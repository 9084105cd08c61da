import Link from 'next/link';
import { LocalDateTime } from '@/components/ui/local-date-time';
import type { getGradebookByClassId } from '@/lib/dal/classes';
import { columnAverages, sortRows, studentAverage, type Average, type GradebookSort } from '@/lib/progress/gradebook';

type Book = NonNullable<Awaited<ReturnType<typeof getGradebookByClassId>>>;

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const averageText = (a: Average) => (a.value === null ? '—' : `${percent(a.value)}`);
const overWhat = (a: Average, what: string) => (a.count ? `over ${a.count} ${what}${a.count === 1 ? '' : 's'}` : 'no scores yet');

/** Students × assignments, with each student's average and the class average row. */
export function GradebookTable({ book, sort }: { book: Book; sort: GradebookSort }) {
  const classId = book.class.id;
  const rows = sortRows(book.students, sort);
  const averages = columnAverages(book.students, book.assignments.length);
  const overall = studentAverage({ name: '', cells: averages.map((a) => ({ score: a.value })) });
  return (
    <div
      className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label="Gradebook table"
    >
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">
          Gradebook of {book.class.name}, sorted by {sort}
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="px-3 py-2" aria-sort={sort === 'name' ? 'ascending' : undefined}>
              Student
            </th>
            <th scope="col" className="px-3 py-2" aria-sort={sort === 'score' ? 'descending' : undefined}>
              Average
            </th>
            {book.assignments.map((a) => (
              <th key={a.id} scope="col" className="min-w-40 px-3 py-2 font-semibold">
                {a.lessonTitle}
                <span className="block font-normal text-slate-600">
                  due <LocalDateTime date={a.dueAt} />
                </span>
                <Link href={`/teach/analysis/${a.lessonId}?class=${classId}`} className="block font-normal text-indigo-800 underline">
                  Item analysis<span className="sr-only"> of {a.lessonTitle}</span>
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const avg = studentAverage(s);
            return (
              <tr key={s.id} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/teach/classes/${classId}/students/${s.id}`} className="text-indigo-800 hover:underline">
                    {s.name}
                  </Link>
                </th>
                <td className="px-3 py-2 tabular-nums">
                  <span className="font-semibold">{averageText(avg)}</span>
                  <span className="block text-xs text-slate-600">{overWhat(avg, 'assignment')}</span>
                </td>
                {s.cells.map((c) => (
                  <td key={c.assignmentId} className="px-3 py-2">
                    {c.attempts === 0 ? (
                      <span className="text-slate-600">not started</span>
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
                        {c.pendingAttemptIds.length > 0 && (
                          <Link
                            href={`/attempts/${c.pendingAttemptIds[0]}`}
                            className="ml-1 inline-block rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-900 underline"
                          >
                            waiting for grading<span className="sr-only"> ({s.name})</span>
                          </Link>
                        )}
                      </span>
                    )}
                    {c.extended && (
                      <span className="ml-1 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-900">extension</span>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="bg-slate-50">
            <th scope="row" className="px-3 py-2 text-left font-semibold">
              Class average
            </th>
            <td className="px-3 py-2 font-semibold tabular-nums">{averageText(overall)}</td>
            {averages.map((a, i) => (
              <td key={book.assignments[i]!.id} className="px-3 py-2 tabular-nums">
                <span className="font-semibold">{averageText(a)}</span>
                <span className="block text-xs text-slate-600">{overWhat(a, 'student')}</span>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
