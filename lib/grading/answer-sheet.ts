import { MAX_WRITTEN_ANSWER, OPEN_RESPONSE, type StoredQuestionData, type StoredResponse } from '@/lib/questions/kinds';
import { parseNumberAnswer } from './grade';

const MAX_TEXT_ANSWER = 500;

/** Form field name for a question, or for one row of an ordering/matching question. */
export const fieldName = (questionId: string, row?: number) => (row === undefined ? `q.${questionId}` : `q.${questionId}.${row}`);

type Field = (name: string) => string[];

/**
 * Reads a submitted quiz form into responses, trusting nothing: fields for questions that are not
 * in this quiz, out-of-range choices and any extra field (a forged "score", say) are ignored.
 */
export function readAnswerSheet(questions: { id: string; data: StoredQuestionData }[], getAll: Field): Map<string, StoredResponse> {
  const out = new Map<string, StoredResponse>();
  const int = (v: string | undefined, max: number) => {
    if (v === undefined || !/^\d{1,3}$/.test(v)) return null;
    const n = Number(v);
    return n < max ? n : null;
  };
  for (const { id, data } of questions) {
    if (data.type === OPEN_RESPONSE) {
      // Longer answers are refused before grading (overlongAnswers); the cut only bounds a forged form.
      const text = getAll(fieldName(id))[0]?.slice(0, MAX_WRITTEN_ANSWER).trim();
      if (text) out.set(id, { type: OPEN_RESPONSE, text });
      continue;
    }
    const values = getAll(fieldName(id)).map((v) => v.slice(0, MAX_TEXT_ANSWER));
    const first = values[0];
    switch (data.type) {
      case 'single_choice': {
        const choice = int(first, data.options.length);
        if (choice !== null) out.set(id, { type: data.type, choice });
        break;
      }
      case 'multiple_choice': {
        const choices = [...new Set(values.map((v) => int(v, data.options.length)).filter((n): n is number => n !== null))];
        if (choices.length) out.set(id, { type: data.type, choices });
        break;
      }
      case 'true_false':
        if (first === 'true' || first === 'false') out.set(id, { type: data.type, value: first === 'true' });
        break;
      case 'fill_blank':
        if (first?.trim()) out.set(id, { type: data.type, text: first.trim() });
        break;
      case 'numeric': {
        const value = first === undefined ? null : parseNumberAnswer(first);
        if (value !== null) out.set(id, { type: data.type, value });
        break;
      }
      case 'ordering':
      case 'matching': {
        const rows = data.type === 'ordering' ? data.items.length : data.left.length;
        const max = data.type === 'ordering' ? data.items.length : data.right.length;
        const picked = Array.from({ length: rows }, (_, row) => int(getAll(fieldName(id, row))[0], max));
        if (picked.some((p) => p !== null)) {
          const filled = picked.map((p) => p ?? -1);
          out.set(id, data.type === 'ordering' ? { type: 'ordering', positions: filled } : { type: 'matching', choices: filled });
        }
        break;
      }
    }
  }
  return out;
}

/** A numeric text box that holds something other than a number: worth telling the learner. */
export function unreadableNumbers(questions: { id: string; data: StoredQuestionData }[], getAll: Field): string[] {
  return questions
    .filter((q) => q.data.type === 'numeric')
    .filter((q) => {
      const v = getAll(fieldName(q.id))[0]?.trim();
      return Boolean(v) && parseNumberAnswer(v!) === null;
    })
    .map((q) => q.id);
}

/** Written answers longer than the limit: refused with a message rather than cut short. */
export function overlongAnswers(questions: { id: string; data: StoredQuestionData }[], getAll: Field): string[] {
  return questions
    .filter((q) => q.data.type === OPEN_RESPONSE && (getAll(fieldName(q.id))[0]?.trim().length ?? 0) > MAX_WRITTEN_ANSWER)
    .map((q) => q.id);
}
