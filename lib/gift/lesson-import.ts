import { OPEN_RESPONSE } from '@/lib/questions/kinds';
import { importGift, type GiftImport } from './import';

/**
 * What a GIFT file adds to a lesson: importGift's questions, less what a lesson cannot take as it
 * is. An essay becomes no question: Casewise's open-response questions are graded with a model
 * answer and a rubric (the editor requires both) and GIFT carries neither, so it is skipped with
 * that reason and the instructor adds it with "Add a question".
 */
export const ESSAY_SKIP_REASON =
  'an essay: Casewise grades written answers with a model answer and a rubric, which GIFT does not carry (add it with “Add a question”)';

export function planLessonImport(text: string): GiftImport {
  const read = importGift(text);
  if (!read.ok) return read;
  const essays = read.questions.filter((q) => q.type === OPEN_RESPONSE);
  return {
    ok: true,
    questions: read.questions.filter((q) => q.type !== OPEN_RESPONSE),
    skipped: [...read.skipped, ...essays.map((q) => ({ line: q.line, reason: ESSAY_SKIP_REASON }))].sort((a, b) => a.line - b.line),
  };
}
