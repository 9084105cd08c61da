/**
 * The gradebook's summaries. Pure. A cell's score is the counted score of one assignment (0…1),
 * null while the student has not attempted it: averages are over the scores there are, and say
 * how many they are over, so "not started" never reads as 0%.
 */

interface Cell {
  score: number | null;
}
interface Row {
  name: string;
  cells: readonly Cell[];
}

export interface Average {
  /** null: no score to average. */
  value: number | null;
  /** How many scores it is over. */
  count: number;
}

function averageOf(values: readonly (number | null)[]): Average {
  const there = values.filter((v): v is number => v !== null);
  return { value: there.length ? there.reduce((a, b) => a + b, 0) / there.length : null, count: there.length };
}

/** One student's average over the assignments they have a score in. */
export const studentAverage = (row: Row): Average => averageOf(row.cells.map((c) => c.score));

/** The class average row: per assignment (column), over the students with a score in it. */
export function columnAverages(rows: readonly Row[], columns: number): Average[] {
  return Array.from({ length: columns }, (_, i) => averageOf(rows.map((r) => r.cells[i]?.score ?? null)));
}

export type GradebookSort = 'name' | 'score';

/**
 * By name (A to Z, accents and case ignored), or by average score (highest first, students with
 * no score last, ties by name).
 */
export function sortRows<R extends Row>(rows: readonly R[], by: GradebookSort): R[] {
  const byName = (a: R, b: R) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  if (by === 'name') return [...rows].sort(byName);
  const scored = rows.map((r) => ({ r, avg: studentAverage(r).value }));
  return scored
    .sort((a, b) => {
      if (a.avg === null || b.avg === null) return a.avg === b.avg ? byName(a.r, b.r) : a.avg === null ? 1 : -1;
      return b.avg - a.avg || byName(a.r, b.r);
    })
    .map((s) => s.r);
}
