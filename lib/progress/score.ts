/** An attempt's score as a fraction 0…1; a quiz with no questions counts as 0, never NaN. */
export const scoreFraction = (score: number, maxScore: number): number => (maxScore > 0 ? score / maxScore : 0);

/** The same as a whole percentage, for display. */
export const percentOf = (score: number, maxScore: number): number => Math.round(scoreFraction(score, maxScore) * 100);

/** A score or a question's credit as people read it: "3", "2.5", "2.67" (two decimals at most). */
export const formatPoints = (points: number): string => String(Math.round(points * 100) / 100);

/** The share of the best attempt a lesson needs to count as done (passed). */
export const PASS_MARK = 0.6;
