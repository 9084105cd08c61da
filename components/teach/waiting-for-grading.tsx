import Link from 'next/link';
import { formatDateTime } from '@/lib/format';

/** A class's attempts whose written answers wait for the instructor, each a link to its grading screen. */
export function WaitingForGrading({
  waiting,
}: {
  waiting: { attemptId: string; studentName: string; lessonTitle: string; submittedAt: Date }[];
}) {
  if (!waiting.length) return null;
  return (
    <section aria-labelledby="waiting-heading" className="flex flex-col gap-2 rounded-xl border border-sky-200 bg-sky-50 p-4">
      <h2 id="waiting-heading" className="text-lg font-semibold">
        Waiting for grading ({waiting.length})
      </h2>
      <ul className="flex flex-col gap-1 text-sm">
        {waiting.map((w) => (
          <li key={w.attemptId}>
            <Link href={`/attempts/${w.attemptId}`} className="font-medium text-indigo-800 underline">
              Grade {w.studentName}: {w.lessonTitle}
            </Link>{' '}
            <span className="text-slate-700">· submitted {formatDateTime(w.submittedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
