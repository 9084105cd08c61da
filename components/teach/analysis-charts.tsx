'use client';

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

interface ItemPoint {
  label: string;
  facility: number | null;
  discrimination: number | null;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 100));

/** Facility and discrimination per question, with the thresholds the flags use. The table below holds the same numbers. */
export function ItemChart({ items }: { items: ItemPoint[] }) {
  const data = items.map((i) => ({ label: i.label, Facility: pct(i.facility), Discrimination: pct(i.discrimination) }));
  return (
    <figure className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-2 text-sm font-semibold">Facility and discrimination per question (%)</figcaption>
      <div
        role="img"
        aria-label="Bar chart of each question's facility and discrimination index; the table below lists the same values."
        className="h-64 w-full"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis domain={[-100, 100]} ticks={[-100, -50, 0, 20, 50, 90, 100]} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => (v === null || v === undefined ? 'not enough data' : `${v}%`)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine y={90} stroke="#b45309" strokeDasharray="4 4" />
            <ReferenceLine y={20} stroke="#b45309" strokeDasharray="4 4" />
            <ReferenceLine y={0} stroke="#334155" />
            <Bar dataKey="Facility" fill="#4338ca" isAnimationActive={false} />
            <Bar dataKey="Discrimination" fill="#0f766e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** How many attempts scored in each tenth of the range. */
export function ScoreChart({ distribution }: { distribution: number[] }) {
  const data = distribution.map((n, i) => ({ band: `${i * 10}–${i === 9 ? 100 : i * 10 + 9}%`, Attempts: n }));
  return (
    <figure className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-2 text-sm font-semibold">Score distribution</figcaption>
      <div
        role="img"
        aria-label={`Histogram of scores: ${
          data
            .filter((d) => d.Attempts)
            .map((d) => `${d.Attempts} in ${d.band}`)
            .join(', ') || 'no attempts'
        }.`}
        className="h-56 w-full"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="band" tick={{ fontSize: 11 }} interval={1} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="Attempts" fill="#4338ca" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
