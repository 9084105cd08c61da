import { fieldName } from '@/lib/grading/answer-sheet';
import type { AnswerKey } from '@/lib/quizgen/types';

type Keyed = { id: string; answerKey: AnswerKey };
type SheetAnswer = 'right' | 'wrong' | 'blank';

/** The form fields a learner would send for one question, answered right or wrong. */
function fieldsFor({ id, answerKey: k }: Keyed, answer: SheetAnswer): [string, string][] {
  if (answer === 'blank') return [];
  const right = answer === 'right';
  const one = (value: string): [string, string][] => [[fieldName(id), value]];
  switch (k.type) {
    case 'single_choice':
      return one(String(right ? k.answer : k.answer === 0 ? 1 : 0));
    case 'multiple_choice':
      // Wrong: the key's first option alone when the key has several, else the option after it.
      return (right ? k.answer : k.answer.length > 1 ? [k.answer[0]!] : [k.answer[0]! === 0 ? 1 : 0]).map((a) => [
        fieldName(id),
        String(a),
      ]);
    case 'true_false':
      return one(String(right ? k.answer : !k.answer));
    case 'fill_blank':
      return one(right ? k.answer[0]!.toUpperCase() : 'certainly not the answer');
    case 'numeric':
      return one(String(right ? k.value : k.value + k.tolerance + 1000));
    case 'ordering':
      // Row = the item as shown, value = its position; wrong shifts every item one place on.
      return k.order.map((item, position) => [fieldName(id, item), String(right ? position : (position + 1) % k.order.length)]);
    case 'matching':
      return k.match.map((partner, row) => [fieldName(id, row), String(right ? partner : (partner + 1) % k.match.length)]);
  }
}

/**
 * A submitted quiz form, as the `getAll` the DAL reads: every question answered right, wrong or
 * left blank (one answer for all, or a function choosing per question).
 */
export function answerSheet(keys: Keyed[], answer: SheetAnswer | ((key: Keyed, index: number) => SheetAnswer)) {
  const fields = keys.flatMap((key, i) => fieldsFor(key, typeof answer === 'function' ? answer(key, i) : answer));
  const getAll = (name: string) => fields.filter(([field]) => field === name).map(([, value]) => value);
  return Object.assign(getAll, { fields });
}
