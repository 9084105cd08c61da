import { randomUUID } from 'node:crypto';
import { seedFromKey, shownAs } from '@/lib/grading/arrange';
import { fieldName } from '@/lib/grading/answer-sheet';
import type { StoredAnswerKey, StoredQuestionData } from '@/lib/questions/kinds';

type Keyed = { id: string; answerKey: StoredAnswerKey; data: StoredQuestionData };
type SheetAnswer = 'right' | 'wrong' | 'blank';

/**
 * The form fields a learner would send for one question, answered right or wrong, on the question
 * as the form showed it: its options shuffled by the form's seed.
 */
function fieldsFor(question: Keyed, answer: SheetAnswer, seed: number): [string, string][] {
  if (answer === 'blank') return [];
  const { id, answerKey: k } = question;
  const shown = shownAs(question, seed);
  // Stored option (or item, or match) index → where the form showed it.
  const at = (stored: number) => (shown.options.length ? shown.options.indexOf(stored) : stored);
  const right = answer === 'right';
  const one = (value: string): [string, string][] => [[fieldName(id), value]];
  switch (k.type) {
    case 'single_choice':
      return one(String(at(right ? k.answer : k.answer === 0 ? 1 : 0)));
    case 'multiple_choice': {
      // Wrong: the first option that is not in the key, alone (partial credit would give a share for any right one).
      const options = question.data.type === 'multiple_choice' ? question.data.options.length : k.answer.length + 1;
      const wrong = Array.from({ length: options }, (_, i) => i).find((i) => !k.answer.includes(i)) ?? 0;
      return (right ? k.answer : [wrong]).map((a) => [fieldName(id), String(at(a))]);
    }
    case 'true_false':
      return one(String(right ? k.answer : !k.answer));
    case 'fill_blank':
      return one(right ? k.answer[0]!.toUpperCase() : 'certainly not the answer');
    case 'numeric':
      return one(String(right ? k.value : k.value + k.tolerance + 1000));
    case 'ordering':
      // Row = the item as shown, value = its position; wrong shifts every item one place on.
      return k.order.map((item, position) => [fieldName(id, at(item)), String(right ? position : (position + 1) % k.order.length)]);
    case 'matching': {
      const rowShown = (storedRow: number) => (shown.rows.length ? shown.rows.indexOf(storedRow) : storedRow);
      return k.match.map((partner, row) => [fieldName(id, rowShown(row)), String(at(right ? partner : (partner + 1) % k.match.length))]);
    }
    case 'open_response':
      // Written answers are graded by a person: "right" and "wrong" only say what was written.
      return one(right ? k.modelAnswer : 'An answer that misses the point.');
  }
}

/**
 * A submitted quiz form, as the `getAll` the DAL reads: every question answered right, wrong or
 * left blank (one answer for all, or a function choosing per question), on the form of the given
 * submission key (a fresh one when none is given), which also carries that key.
 */
export function answerSheet(
  keys: Keyed[],
  answer: SheetAnswer | ((key: Keyed, index: number) => SheetAnswer),
  submissionKey: string = randomUUID(),
) {
  const seed = seedFromKey(submissionKey);
  const fields = keys.flatMap((key, i) => fieldsFor(key, typeof answer === 'function' ? answer(key, i) : answer, seed));
  const getAll = (name: string) => fields.filter(([field]) => field === name).map(([, value]) => value);
  return Object.assign(getAll, { fields, submissionKey });
}

/** The submission key and fields of a sheet, as submitQuizAttempt takes them. */
export const asSubmission = (sheet: ReturnType<typeof answerSheet>) => ({ submissionKey: sheet.submissionKey, getAll: sheet });
