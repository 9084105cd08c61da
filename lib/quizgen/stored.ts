import { normalizeSource } from './candidate';
import { createRng, fingerprint, hash32 } from './random';
import type { AnswerKey, PublicQuestionData, Question } from './types';

interface StoredQuestion {
  type: Question['type'];
  prompt: string;
  data: PublicQuestionData;
  answerKey: AnswerKey;
  explanation: string;
  source: string;
  fingerprint: string;
}

/**
 * Splits a generated question into what a learner may see and the key they may not. Ordering
 * items and matching partners are shuffled (deterministically) so the shown order gives nothing away.
 */
export function toStoredQuestion(q: Question): StoredQuestion {
  const print = questionFingerprint(q);
  const base = { type: q.type, prompt: q.prompt, explanation: q.explanation, source: q.source, fingerprint: print };
  const rng = createRng(hash32(print));
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, data: { type: q.type, options: q.options }, answerKey: { type: q.type, answer: q.answer } as AnswerKey };
    case 'true_false':
      return { ...base, data: { type: q.type }, answerKey: { type: q.type, answer: q.answer } };
    case 'fill_blank':
      return { ...base, data: { type: q.type }, answerKey: { type: q.type, answer: q.answer } };
    case 'numeric':
      return {
        ...base,
        data: { type: q.type, ...(q.unit ? { unit: q.unit } : {}) },
        answerKey: { type: q.type, value: q.answer.value, tolerance: q.answer.tolerance },
      };
    case 'ordering': {
      const shown = derange(
        q.items.map((_, i) => i),
        rng.shuffle,
      );
      return {
        ...base,
        data: { type: q.type, items: shown.map((i) => q.items[i]!) },
        answerKey: { type: q.type, order: q.items.map((_, correct) => shown.indexOf(correct)) },
      };
    }
    case 'matching': {
      const shown = derange(
        q.pairs.map((_, i) => i),
        rng.shuffle,
      );
      return {
        ...base,
        data: { type: q.type, left: q.pairs.map((p) => p[0]), right: shown.map((i) => q.pairs[i]![1]) },
        answerKey: { type: q.type, match: q.pairs.map((_, i) => shown.indexOf(i)) },
      };
    }
  }
}

/**
 * A generated question's identity: its family, its normalised source and its key, so a change
 * elsewhere in the article (a new distractor, another paragraph) keeps its id, edits and statistics.
 * Questions without a family (written or edited by hand) are identified by their whole content.
 */
export function questionFingerprint(q: Question): string {
  if (!q.family) return fingerprint(JSON.stringify(q));
  return fingerprint(`${q.family}\n${normalizeSource(q.source)}\n${normalizeSource(keyText(q))}`);
}

function keyText(q: Question): string {
  switch (q.type) {
    case 'single_choice':
      return q.options[q.answer] ?? '';
    case 'multiple_choice':
      return q.answer
        .map((i) => q.options[i] ?? '')
        .sort()
        .join('\n');
    case 'true_false':
      return String(q.answer);
    case 'fill_blank':
      return q.answer[0] ?? '';
    case 'numeric':
      return String(q.answer.value);
    case 'ordering':
      return q.items.join('\n');
    case 'matching':
      return q.pairs.map((p) => p.join(' = ')).join('\n');
  }
}

/** A shuffle that never leaves the items in their original (correct) order. */
function derange(indexes: number[], shuffle: <T>(xs: readonly T[]) => T[]): number[] {
  let out = shuffle(indexes);
  if (out.every((v, i) => v === i)) out = [...indexes.slice(1), indexes[0]!];
  return out;
}
