import { OPEN_RESPONSE, type RubricCriterion } from '@/lib/questions/kinds';
import { importGift, type GiftImport } from './import';

/**
 * What a GIFT file adds to a lesson: importGift's questions, with essays made gradable. Casewise
 * grades a written answer against a model answer and a rubric, and GIFT carries neither: an essay's
 * general feedback (####) is the nearest thing Moodle has to a model answer (GIFT export writes the
 * model answer there), and the rubric starts as one general criterion the instructor can refine.
 * The preview says both, so nothing is assumed silently.
 */
export const IMPORTED_ESSAY_CRITERION: RubricCriterion = { label: 'Covers the points of the model answer', points: 4 };

export function planLessonImport(text: string): GiftImport {
  const read = importGift(text);
  if (!read.ok) return read;
  return {
    ok: true,
    questions: read.questions.map((q) =>
      q.type === OPEN_RESPONSE ? { ...q, modelAnswer: q.explanation, explanation: '', rubric: [IMPORTED_ESSAY_CRITERION] } : q,
    ),
    skipped: read.skipped,
  };
}

/** What the preview says of an imported essay's grading, for the instructor to check before adding it. */
export function essayImportNote(modelAnswer: string): string {
  const rubric = `one criterion, “${IMPORTED_ESSAY_CRITERION.label}” (${IMPORTED_ESSAY_CRITERION.points} points)`;
  return modelAnswer.trim()
    ? `Written answer, graded by you: the model answer is the file’s general feedback; rubric: ${rubric}. Edit both after import if needed.`
    : `Written answer, graded by you: the file gives no general feedback (####), so there is no model answer yet; rubric: ${rubric}. Add a model answer after import.`;
}
