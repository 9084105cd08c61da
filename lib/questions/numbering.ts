/**
 * Question numbers within a lesson, shared by the review page and item analysis so that
 * "Question 3" names the same question in both: the lesson's current questions (enabled or
 * disabled) in quiz order are 1, 2, 3 …; an item whose every version is retired (answered, then
 * dropped by a re-import) comes after them. Versions of one edited question share their item's number.
 * Rows must be in quiz order (by position).
 */
export function questionNumbers(rows: readonly { itemId: string; retired: boolean }[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const r of rows) if (!r.retired && !numbers.has(r.itemId)) numbers.set(r.itemId, numbers.size + 1);
  for (const r of rows) if (!numbers.has(r.itemId)) numbers.set(r.itemId, numbers.size + 1);
  return numbers;
}
