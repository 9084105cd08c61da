'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScorePoint } from './score-history';

/** The learner's quiz scores over time, with the pass mark. Loaded only by the dashboard (score-history.tsx). */
export function ScoreHistoryChart({ points, passPercent }: { points: ScorePoint[]; passPercent: number }) {
  const data = points.map((p, i) => ({ n: i + 1, label: p.label, Score: p.percent }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -20 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="n" tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, passPercent, 75, 100]} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(v) => `${v}%`} labelFormatter={(_, payload) => String(payload?.[0]?.payload?.label ?? '')} />
        <ReferenceLine y={passPercent} stroke="#b45309" strokeDasharray="4 4" />
        <Line type="monotone" dataKey="Score" stroke="#4338ca" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
