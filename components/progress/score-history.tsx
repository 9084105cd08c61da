'use client';

import dynamic from 'next/dynamic';

export interface ScorePoint {
  /** "Lesson title, 3 Mar 2026". */
  label: string;
  percent: number;
}

// Recharts is loaded with the dashboard's chart only, never in the shared bundle of other pages.
const Chart = dynamic(() => import('./score-history-chart').then((m) => m.ScoreHistoryChart), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600">Loading the chart…</p>,
});

/** A figure with the learner's scores over time; the list of recent quizzes below holds the same numbers. */
export function ScoreHistory({ points, passPercent }: { points: ScorePoint[]; passPercent: number }) {
  const summary = points.map((p) => `${p.percent}%`).join(', ');
  return (
    <figure className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-2 text-sm font-semibold">Your quiz scores over time (%), pass mark {passPercent}%</figcaption>
      <div role="img" aria-label={`Line chart of your ${points.length} quiz scores, oldest first: ${summary}.`} className="h-56 w-full">
        <Chart points={points} passPercent={passPercent} />
      </div>
    </figure>
  );
}
