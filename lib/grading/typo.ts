/**
 * Whether the optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions)
 * between two strings is at most `limit`. Strings whose lengths differ by more are refused at once.
 */
export function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return false;
  let twoBack: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, twoBack[j - 2]! + 1);
      current.push(d);
    }
    twoBack = previous;
    previous = current;
  }
  return previous[y.length]! <= limit;
}

/** Answers shorter than this (in letters) must be typed exactly: one slip in a short word is another word. */
const TYPO_MIN_LETTERS = 6;

const letterCount = (s: string) => (s.match(/\p{L}/gu) ?? []).length;

/**
 * Whether a typed answer is the accepted one with a single slip (a letter missing, extra, wrong or
 * two swapped). Never for an answer holding a digit (a year or an amount must be exact) or one of
 * fewer than six letters (a short name or word). Both arguments are already normalised match keys.
 */
export function withinOneTypo(given: string, accepted: string): boolean {
  if (/\p{N}/u.test(accepted) || /\p{N}/u.test(given)) return false;
  if (letterCount(accepted) < TYPO_MIN_LETTERS) return false;
  return editDistanceAtMost(given, accepted, 1);
}
