import { rubricTotal, type RubricCriterion } from '@/lib/questions/kinds';

/** Longest comment an instructor may leave on a written answer. */
export const MAX_GRADING_COMMENT = 2000;

/** The form field holding the points given for one criterion. */
export const criterionField = (index: number) => `points.${index}`;

type RubricScoring =
  { ok: true; points: number[]; total: number; comment: string } | { ok: false; errors: Record<string, string[]>; message: string };

/**
 * Reads an instructor's rubric scoring (one whole number per criterion, from 0 to its points, and a
 * comment). Every problem is reported at once with the field it belongs to; nothing is clamped, so
 * a forged "99" is refused rather than quietly turned into full marks.
 */
export function readRubricScoring(rubric: readonly RubricCriterion[], getAll: (name: string) => string[]): RubricScoring {
  const errors: Record<string, string[]> = {};
  const points = rubric.map((criterion, i) => {
    const raw = (getAll(criterionField(i))[0] ?? '').trim();
    const value = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
    if (!raw) errors[criterionField(i)] = [`Give points for “${criterion.label}”.`];
    else if (!Number.isInteger(value) || value < 0 || value > criterion.points)
      errors[criterionField(i)] = [`Points for “${criterion.label}” must be a whole number from 0 to ${criterion.points}.`];
    return value;
  });
  const comment = (getAll('comment')[0] ?? '').trim();
  if (comment.length > MAX_GRADING_COMMENT) errors.comment = [`Keep the comment under ${MAX_GRADING_COMMENT} characters.`];
  const problems = Object.values(errors).flat();
  if (problems.length)
    return { ok: false, errors, message: problems.length === 1 ? problems[0]! : `${problems.length} problems: ${problems.join(' ')}` };
  return { ok: true, points, total: points.reduce((a, b) => a + b, 0), comment };
}

/** The share of a written answer's points it was given (0…1): its mark in item analysis. */
export function awardedShare(rubric: readonly RubricCriterion[], points: readonly number[]): number {
  const max = rubricTotal(rubric);
  return max ? points.reduce((a, b) => a + b, 0) / max : 0;
}
