import { OPEN_RESPONSE, type StoredAnswerKey, type StoredQuestionData, type StoredResponse } from '@/lib/questions/kinds';
import type { AnswerKey, PublicQuestionData } from '@/lib/quizgen/types';
import { withinOneTypo } from './typo';

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

/** What grading needs of a question: what the learner saw (the options) and the key. */
interface GradableQuestion {
  data: PublicQuestionData;
  answerKey: AnswerKey;
}

/**
 * The share of the mark a response earns, 0…1, by Moodle's rules: multiple select gives each right
 * choice an equal share of the mark and takes an equal share of it away for each wrong one (so
 * ticking everything earns nothing), floored at 0; matching and ordering earn the share of pairs or
 * positions that are right; a fill-in accepts one slip in an answer of six or more letters (never
 * in a number). An absent response, or one of another kind, earns 0.
 */
export function creditFor(question: GradableQuestion, response: StoredResponse | null | undefined): number {
  const { answerKey: key, data } = question;
  if (!response || response.type !== key.type) return 0;
  switch (key.type) {
    case 'single_choice':
      return response.type === 'single_choice' && response.choice === key.answer ? 1 : 0;
    case 'multiple_choice': {
      if (response.type !== 'multiple_choice') return 0;
      const right = new Set(key.answer);
      const chosen = new Set(response.choices);
      const hits = [...chosen].filter((c) => right.has(c)).length;
      const misses = chosen.size - hits;
      const wrongOptions = (data.type === 'multiple_choice' ? data.options.length : 0) - right.size;
      if (right.size === 0) return misses === 0 ? 1 : 0;
      return Math.max(0, hits / right.size - misses / Math.max(1, wrongOptions));
    }
    case 'true_false':
      return response.type === 'true_false' && response.value === key.answer ? 1 : 0;
    case 'fill_blank': {
      if (response.type !== 'fill_blank') return 0;
      const given = answerMatchKey(response.text);
      if (!given) return 0;
      const accepted = key.answer.map(answerMatchKey).filter(Boolean);
      return accepted.includes(given) || accepted.some((a) => withinOneTypo(given, a)) ? 1 : 0;
    }
    case 'numeric':
      return response.type === 'numeric' && Math.abs(response.value - key.value) <= key.tolerance + 1e-9 ? 1 : 0;
    case 'ordering': {
      if (response.type !== 'ordering' || key.order.length === 0) return 0;
      return key.order.filter((item, position) => response.positions[item] === position).length / key.order.length;
    }
    case 'matching': {
      if (response.type !== 'matching' || key.match.length === 0) return 0;
      return key.match.filter((partner, i) => response.choices[i] === partner).length / key.match.length;
    }
  }
}

/** Whether a response earns the whole mark. */
export const isCorrect = (question: GradableQuestion, response: StoredResponse | null | undefined): boolean =>
  creditFor(question, response) >= 1;

interface GradedQuestion {
  questionId: string;
  response: StoredResponse | null;
  /** Share of the mark earned, 0…1. */
  credit: number;
  /** The whole mark earned. */
  correct: boolean;
}

/**
 * Grades a sheet against the keys: one mark per question, partial credit where the kind allows it,
 * unanswered questions score zero. A written answer earns nothing until a person grades it against
 * its rubric (`awaiting`: the ids of written answers with text); a blank one scores zero at once.
 */
export function gradeSheet(
  keys: { id: string; data: StoredQuestionData; answerKey: StoredAnswerKey }[],
  responses: Map<string, StoredResponse>,
): { score: number; maxScore: number; graded: GradedQuestion[]; awaiting: string[] } {
  const awaiting: string[] = [];
  const graded = keys.map((question) => {
    const id = question.id;
    const response = responses.get(id) ?? null;
    if (question.answerKey.type === OPEN_RESPONSE || question.data.type === OPEN_RESPONSE) {
      if (response?.type === OPEN_RESPONSE) awaiting.push(id);
      return { questionId: id, response, credit: 0, correct: false };
    }
    const credit = creditFor({ data: question.data, answerKey: question.answerKey }, response);
    return { questionId: id, response, credit, correct: credit >= 1 };
  });
  return { score: graded.reduce((sum, g) => sum + g.credit, 0), maxScore: keys.length, graded, awaiting };
}
