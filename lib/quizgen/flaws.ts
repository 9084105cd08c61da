import { inNaturalOrder } from '@/lib/questions/natural-order';
import { fitsBlank, isTrivialNegation, escapeRegExp } from './language';
import type { Question } from './types';

const ALL_NONE = /\b(?:all|none|both|neither) of the (?:above|these|following)\b/i;
const NEGATED_STEM = /\b(?:not|never|except|no longer)\b/i;

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Item-writing flaw checks. Returns the reason a question must be rejected, or null when it
 * passes every check that applies to its kind.
 */
export function findFlaw(q: Question): string | null {
  if (!q.prompt.trim()) return 'empty prompt';
  if (!q.explanation.trim()) return 'no explanation';
  if (!q.source.trim()) return 'no source sentence';
  if (NEGATED_STEM.test(stemOnly(q.prompt))) return 'negative in the stem';

  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const options = q.options.map(norm);
      if (options.length < 3 || options.length > 5) return 'needs 3 to 5 options';
      if (new Set(options).size !== options.length) return 'duplicate options';
      if (options.some((o) => !o)) return 'empty option';
      if (options.some((o) => ALL_NONE.test(o))) return '"all/none of the above" option';
      if (options.some((a, i) => options.some((b, j) => i !== j && a.length > 3 && b.includes(a)))) return 'overlapping options';
      const keys = q.type === 'single_choice' ? [q.answer] : q.answer;
      if (q.type === 'single_choice' && (!Number.isInteger(q.answer) || !q.options[q.answer])) return 'no key';
      if (q.type === 'multiple_choice') {
        if (new Set(keys).size !== keys.length || keys.some((k) => !q.options[k])) return 'invalid keys';
        if (keys.length < 1 || keys.length === options.length) return 'multiple select needs keys and distractors';
      }
      if (isLongestByFar(q.options, keys)) return 'key is the longest option by a wide margin';
      if (q.options.every((o) => /^-?\d+(?:\.\d+)?$/.test(o)) && !isSorted(q.options.map(Number))) return 'numeric options not sorted';
      if (keys.every((k) => fitsBlank(q.prompt, q.options[k]!)) && q.options.some((o) => !fitsBlank(q.prompt, o)))
        return 'a/an or singular/plural in the stem fits only some options';
      const stem = norm(q.prompt);
      for (const k of keys) {
        const key = options[k]!;
        if (containsPhrase(stem, key)) return 'key repeated in the stem';
      }
      return null;
    }
    case 'true_false': {
      const statement = /“(.*)”/s.exec(q.prompt)?.[1];
      if (statement && isTrivialNegation(statement, q.source)) return 'true/false statement is a negated sentence';
      return null;
    }
    case 'fill_blank': {
      const answers = q.answer.map(norm).filter(Boolean);
      if (!answers.length) return 'no accepted answer';
      if (!q.prompt.includes('____')) return 'no blank in the prompt';
      if (answers.some((a) => containsPhrase(norm(q.prompt), a))) return 'answer repeated in the stem';
      return null;
    }
    case 'numeric':
      if (!Number.isFinite(q.answer.value) || !(q.answer.tolerance >= 0)) return 'invalid numeric key';
      return null;
    case 'ordering':
      if (q.items.length < 3) return 'ordering needs at least 3 items';
      if (new Set(q.items.map(norm)).size !== q.items.length) return 'duplicate items';
      return null;
    case 'matching':
      if (q.pairs.length < 3) return 'matching needs at least 3 pairs';
      if (new Set(q.pairs.map((p) => norm(p[1]))).size !== q.pairs.length) return 'duplicate partners';
      return null;
  }
}

/** Options sorted by value keep their order; others can put the key anywhere. */
export function hasMovableKey(q: Question): q is Extract<Question, { type: 'single_choice' }> {
  return q.type === 'single_choice' && !inNaturalOrder(q.options);
}

/**
 * Quiz-level check: with three or more single-choice questions whose options are not in a natural
 * order, the key must not sit in the same position every time.
 */
export function findQuizFlaw(questions: Question[]): string | null {
  const positions = questions.filter(hasMovableKey).map((q) => q.answer);
  if (positions.length >= 3 && new Set(positions).size === 1) return 'key in the same position in every question';
  return null;
}

/** The question's own words, without the quoted article text it may carry. */
function stemOnly(prompt: string): string {
  return prompt.replace(/“[^”]*”/g, '');
}

function containsPhrase(text: string, phrase: string): boolean {
  const escaped = escapeRegExp(phrase);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

function isLongestByFar(options: string[], keys: number[]): boolean {
  if (keys.length !== 1) return false;
  const key = options[keys[0]!]!.length;
  const others = options.filter((_, i) => i !== keys[0]).map((o) => o.length);
  return others.length > 0 && key > 1.6 * Math.max(...others) && key - Math.max(...others) > 12;
}

function isSorted(values: number[]): boolean {
  return values.every((v, i) => i === 0 || values[i - 1]! <= v);
}
