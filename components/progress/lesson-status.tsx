import type { LessonProgress } from '@/lib/progress/summarize';
import { formatPoints } from '@/lib/progress/score';

/**
 * "Done · best 6 of 8 (75%)" once an attempt reaches the pass mark, "Not passed yet · best …"
 * before, or "Not started"; with the trend across the last attempts ("40% → 75%").
 */
export function LessonStatus({ progress }: { progress: LessonProgress }) {
  if (!progress.best) {
    return <span className="text-sm text-slate-500">Not started</span>;
  }
  const best = `best ${formatPoints(progress.best.score)} of ${progress.best.maxScore} (${progress.best.percent}%)`;
  const trend =
    progress.trend.length > 1 ? (
      <span className="block text-xs font-normal text-slate-600">
        <span className="sr-only">Your last attempts: </span>
        <span aria-hidden="true">Trend: </span>
        {progress.trend.map((p) => `${p}%`).join(' → ')}
      </span>
    ) : null;
  if (!progress.done)
    return (
      <span className="text-sm text-amber-900">
        Not passed yet · {best}
        {trend}
      </span>
    );
  return (
    <span className="inline-flex items-start gap-1.5 text-sm font-medium text-emerald-800">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-current">
        <path d="M7.7 14.3 3.4 10l1.4-1.4 2.9 2.9 7.5-7.5 1.4 1.4z" />
      </svg>
      <span>
        Done · {best}
        {trend}
      </span>
    </span>
  );
}
