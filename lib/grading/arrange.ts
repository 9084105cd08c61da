import { inNaturalOrder } from '@/lib/questions/natural-order';
import type { StoredQuestionData as PublicQuestionData, StoredResponse as Response } from '@/lib/questions/kinds';

/** How many questions one attempt shows when a lesson's pool holds more. */
const QUIZ_LENGTH = 10;

/** A 32-bit seed from a key (FNV-1a), as a signed integer so it fits a PostgreSQL integer. */
export function seedFromKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** mulberry32: a small, well-mixed PRNG, so the same seed always gives the same quiz. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates permutation of 0…n-1: shown position → stored index. */
function permutation(n: number, next: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

/** How one question was shown: its options (or items, or matches and terms) permuted. */
interface Shown<Q> {
  question: Q;
  /** The public data as shown in this attempt. */
  data: PublicQuestionData;
  /** shown index → stored index of the options, ordering items or matching choices; identity when nothing moves. */
  options: number[];
  /** Matching only: shown row → stored row of the terms. */
  rows: number[];
}

function shuffleData(data: PublicQuestionData, next: () => number): { data: PublicQuestionData; options: number[]; rows: number[] } {
  const pick = <T>(xs: T[], p: number[]) => p.map((i) => xs[i]!);
  switch (data.type) {
    case 'single_choice':
    case 'multiple_choice': {
      // Options on one scale ("about 5%" … "about 40%") stay in the scale's order; the draw still
      // advances, so the rest of the attempt is shuffled exactly as before.
      const drawn = permutation(data.options.length, next);
      const options = inNaturalOrder(data.options) ? drawn.map((_, i) => i) : drawn;
      return { data: { ...data, options: pick(data.options, options) }, options, rows: [] };
    }
    case 'ordering': {
      const options = permutation(data.items.length, next);
      return { data: { ...data, items: pick(data.items, options) }, options, rows: [] };
    }
    case 'matching': {
      const options = permutation(data.right.length, next);
      const rows = permutation(data.left.length, next);
      return { data: { ...data, left: pick(data.left, rows), right: pick(data.right, options) }, options, rows };
    }
    default:
      return { data, options: [], rows: [] };
  }
}

/** How one question is shown under a seed: the same whatever else the attempt drew. */
export function shownAs<Q extends { id: string; data: PublicQuestionData }>(question: Q, seed: number): Shown<Q> {
  return { question, ...shuffleData(question.data, random(seed ^ seedFromKey(question.id))) };
}

/**
 * One attempt's quiz from a lesson's pool, the same for the same seed: at most `length` questions
 * drawn from the pool, in a shuffled order, each with its options shuffled. Each question's option
 * order depends only on the seed and the question, not on what else was drawn.
 */
export function arrangeQuiz<Q extends { id: string; data: PublicQuestionData }>(
  pool: readonly Q[],
  seed: number,
  length = QUIZ_LENGTH,
): Shown<Q>[] {
  // By id, so the draw does not depend on the order a query returned the pool in (positions can tie).
  const byId = [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order = permutation(byId.length, random(seed));
  // An open response is drawn always (an instructor wrote it to be answered); the closed questions
  // fill the rest. A pool without one draws exactly as before, so stored seeds still hold.
  const written = order.filter((i) => byId[i]!.data.type === 'open_response');
  const closed = order.filter((i) => byId[i]!.data.type !== 'open_response').slice(0, Math.max(0, length - written.length));
  const drawn = new Set([...written, ...closed]);
  return order.filter((i) => drawn.has(i)).map((i) => shownAs(byId[i]!, seed));
}

/** A response to the shown question, in the stored question's terms (what is graded and kept). */
export function toStoredResponse(shown: Pick<Shown<unknown>, 'options' | 'rows'>, response: Response): Response {
  const stored = (i: number) => (i >= 0 ? (shown.options[i] ?? i) : i);
  switch (response.type) {
    case 'single_choice':
      return { ...response, choice: stored(response.choice) };
    case 'multiple_choice':
      return { ...response, choices: response.choices.map(stored) };
    case 'ordering': {
      if (!shown.options.length) return response;
      const positions = response.positions.map(() => -1);
      response.positions.forEach((position, k) => (positions[stored(k)] = position));
      return { ...response, positions };
    }
    case 'matching': {
      if (!shown.rows.length) return response;
      const choices = response.choices.map(() => -1);
      response.choices.forEach((choice, r) => (choices[shown.rows[r] ?? r] = stored(choice)));
      return { ...response, choices };
    }
    default:
      return response;
  }
}
