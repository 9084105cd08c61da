/** An attempt's score as a fraction 0…1; a quiz with no questions counts as 0, never NaN. */
export const scoreFraction = (score: number, maxScore: number): number => (maxScore > 0 ? score / maxScore : 0);

/** The same as a whole percentage, for display. */
export const percentOf = (score: number, maxScore: number): number => Math.round(scoreFraction(score, maxScore) * 100);
