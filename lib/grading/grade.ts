import type { AnswerKey, Response } from '@/lib/quizgen/types';

/** Folds case, width, spacing, curly quotes and surrounding punctuation so "  jack  MA." = "Jack Ma". */
export function normalizeAnswerText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'(\s]+|["'.,;:!?)\s]+$/g, '');
}

/**
 * What two typed answers must share to be the same answer: "front-line staff", "frontline staff"
 * and "front line staff" are one; so are "the Midwest Nurses' Association" and "Midwest Nurses Association".
 */
function answerMatchKey(text: string): string {
  return normalizeAnswerText(text)
    .replace(/^(?:the|a|an) /, '')
    .replace(/'s\b|s'(?=\s|$)/g, 's')
    .replace(/[\s\-\u2010-\u2015'.]+/g, '');
}

/** Reads a number as people type it: "2.8", "2,800", "$10", "20 %". Null when it is not one. */
export function parseNumberAnswer(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[$€£¥]\s*/, '')
    .replace(/\s*%$/, '')
    .replace(/(?<=\d),(?=\d{3}\b)/g, '');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** Whether a response earns the mark. An absent or mismatched response never does. */
export function isCorrect(key: AnswerKey, response: Response | null | undefined): boolean {
  if (!response || response.type !== key.type) return false;
  switch (key.type) {
    case 'single_choice':
      return response.type === 'single_choice' && response.choice === key.answer;
    case 'multiple_choice': {
      if (response.type !== 'multiple_choice') return false;
      const chosen = [...new Set(response.choices)].sort((a, b) => a - b);
      const expected = [...key.answer].sort((a, b) => a - b);
      return chosen.length === expected.length && chosen.every((c, i) => c === expected[i]);
    }
    case 'true_false':
      return response.type === 'true_false' && response.value === key.answer;
    case 'fill_blank': {
      if (response.type !== 'fill_blank') return false;
      const given = answerMatchKey(response.text);
      return given.length > 0 && key.answer.some((a) => answerMatchKey(a) === given);
    }
    case 'numeric':
      return response.type === 'numeric' && Math.abs(response.value - key.value) <= key.tolerance + 1e-9;
    case 'ordering':
      return (
        response.type === 'ordering' &&
        response.positions.length === key.order.length &&
        key.order.every((item, position) => response.positions[item] === position)
      );
    case 'matching':
      return (
        response.type === 'matching' &&
        response.choices.length === key.match.length &&
        key.match.every((partner, i) => response.choices[i] === partner)
      );
  }
}

interface GradedQuestion {
  questionId: string;
  response: Response | null;
  correct: boolean;
}

/** Grades a sheet against the keys: one mark per question, unanswered questions score zero. */
export function gradeSheet(
  keys: { id: string; answerKey: AnswerKey }[],
  responses: Map<string, Response>,
): { score: number; maxScore: number; graded: GradedQuestion[] } {
  const graded = keys.map(({ id, answerKey }) => {
    const response = responses.get(id) ?? null;
    return { questionId: id, response, correct: isCorrect(answerKey, response) };
  });
  return { score: graded.filter((g) => g.correct).length, maxScore: keys.length, graded };
}
