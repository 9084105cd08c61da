export type ScoreRule = 'highest' | 'latest' | 'first' | 'average';

/**
 * The score that counts for an assignment, as Moodle's "grading method": the highest, the latest,
 * the first or the average of the attempts (each a fraction 0…1, in the order they were made).
 * No attempts: null.
 */
export function countedScore(fractions: readonly number[], rule: ScoreRule): number | null {
  if (!fractions.length) return null;
  switch (rule) {
    case 'highest':
      return Math.max(...fractions);
    case 'latest':
      return fractions[fractions.length - 1]!;
    case 'first':
      return fractions[0]!;
    case 'average':
      return fractions.reduce((a, b) => a + b, 0) / fractions.length;
  }
}
