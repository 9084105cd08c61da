import type { LessonProgress } from '@/lib/progress/summarize';

/** "Done · best 6 of 8" or "Not started", with a check mark a screen reader announces. */
export function LessonStatus({ progress }: { progress: LessonProgress }) {
  if (!progress.done || !progress.best) {
    return <span className="text-sm text-slate-500">Not started</span>;
  }
  return (
    <span className="inline-flex items-center gap-1.5 text-sm font-medium text-emerald-800">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
        <path d="M7.7 14.3 3.4 10l1.4-1.4 2.9 2.9 7.5-7.5 1.4 1.4z" />
      </svg>
      <span>
        Done · best {progress.best.score} of {progress.best.maxScore} ({progress.best.percent}%)
      </span>
    </span>
  );
}
