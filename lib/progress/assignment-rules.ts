/**
 * What one assignment allows on its quiz. Pure.
 *
 * Each attempt belongs to at most one assignment (none: practice), and only an assignment's own
 * attempts count toward its limit: a second class never lifts the first one's limit, and practice
 * before the lesson was assigned is not spent from it.
 */
export const attemptsLeft = (attemptsAllowed: number | null, used: number): number | null =>
  attemptsAllowed === null ? null : Math.max(0, attemptsAllowed - used);
