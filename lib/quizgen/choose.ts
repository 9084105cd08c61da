import { normalizeSource, type Candidate } from './candidate';
import { hasMovableKey } from './flaws';
import { createRng, hash32 } from './random';
import type { QuestionFamily } from './types';

/** How many questions of one family a lesson's quiz may hold: no family crowds out the rest. */
const FAMILY_CAP: Record<QuestionFamily, number> = {
  main_idea: 1,
  case_summary: 1,
  cause_effect: 2,
  purpose: 1,
  classification: 1,
  takeaway_evidence: 1,
  timeline: 1,
  sequence: 1,
  figure: 1,
  who_did_what: 3,
  key_term: 2,
  matching: 1,
};
const MIN_QUESTIONS = 4;

interface ChooseOptions {
  limit: number;
  /** Sources, keys and options already shown in earlier lessons; updated with this lesson's picks. */
  used: { sources: Set<string>; keys: Set<string>; options: Set<string> };
  rejected: { prompt: string; reason: string }[];
}

/**
 * Takes the best candidates, highest score first, under the quiz's rules: no two questions on one
 * sentence or with one key (one would give the other away), a cap per family, and at least half
 * at "understand" or above when the lesson offers enough: recall questions are added only while
 * they do not outnumber the understanding ones, or to reach the minimum of a quiz.
 */
export function chooseQuiz(candidates: Candidate[], { limit, used, rejected }: ChooseOptions): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.score - a.score || hash32(a.question.prompt) - hash32(b.question.prompt));
  const picked: Candidate[] = [];
  const perFamily = new Map<QuestionFamily, number>();
  const sources = new Set<string>();
  const keys = new Set<string>();
  // A timeline asks for the order of events, not their details: earlier lessons' sentences may feed it.
  // Containment (a takeaway quoting a sentence) is checked within the quiz; across lessons, equality.
  const clashes = (c: Candidate) =>
    c.sources.some((s) => {
      const n = normalizeSource(s);
      if (c.question.family !== 'timeline' && used.sources.has(n)) return true;
      return [...sources].some((o) => o === n || (o.length > 30 && n.includes(o)) || (n.length > 30 && o.includes(n)));
    }) ||
    c.keys.some((k) => keys.has(normalizeSource(k)) || used.keys.has(normalizeSource(k))) ||
    c.keys.some((k) => k.length >= 4 && picked.some((p) => p.question.prompt.includes(k))) ||
    // One question's key among another's wrong options lets each give the other away.
    optionsOf(c).some((o) => keys.has(normalizeSource(o)) || used.keys.has(normalizeSource(o))) ||
    c.keys.some((k) => used.options.has(normalizeSource(k))) ||
    c.keys.some((k) => picked.some((p) => optionsOf(p).some((o) => normalizeSource(o) === normalizeSource(k))));
  const take = (c: Candidate) => {
    picked.push(c);
    perFamily.set(c.question.family, (perFamily.get(c.question.family) ?? 0) + 1);
    for (const s of c.sources) sources.add(normalizeSource(s));
    for (const k of c.keys) keys.add(normalizeSource(k));
  };
  const understanding = (c: Candidate) => c.question.level !== 'remember';
  for (const pass of ['understand', 'remember'] as const) {
    for (const c of ranked) {
      if (picked.includes(c) || picked.length >= limit) continue;
      if ((pass === 'understand') !== (understanding(c) && c.score >= 0.6)) continue;
      if ((perFamily.get(c.question.family) ?? 0) >= FAMILY_CAP[c.question.family]) continue;
      if (pass === 'remember') {
        const understood = picked.filter(understanding).length;
        const recall = picked.length - understood;
        // Weaker understanding questions fill a short quiz; recall ones never outnumber understanding.
        if (understanding(c) ? picked.length >= MIN_QUESTIONS + 1 : recall >= understood && picked.length >= MIN_QUESTIONS) continue;
      }
      if (clashes(c)) {
        rejected.push({ prompt: c.question.prompt, reason: 'repeats or gives away another question' });
        continue;
      }
      take(c);
    }
  }
  for (const s of sources) used.sources.add(s);
  for (const k of keys) used.keys.add(k);
  for (const c of picked) for (const o of optionsOf(c)) used.options.add(normalizeSource(o));
  return balanceKeyPositions(picked);
}

function optionsOf(c: Candidate): string[] {
  const q = c.question;
  return q.type === 'single_choice' || q.type === 'multiple_choice' ? q.options : [];
}

/**
 * Spreads single-choice keys over the option positions (a shuffled cycle A, C, B, D …), so a quiz
 * never puts its key in one place. Seeded by the quiz's own prompts.
 */
function balanceKeyPositions(picked: Candidate[]): Candidate[] {
  const rng = createRng(hash32(picked.map((c) => c.question.prompt).join('\n')));
  let slots: number[] = [];
  return picked.map((c) => {
    const q = c.question;
    if (!hasMovableKey(q)) return c;
    if (!slots.length) slots = rng.shuffle([0, 1, 2, 3, 4]);
    const target = slots.shift()! % q.options.length;
    const key = q.options[q.answer]!;
    const others = q.options.filter((_, i) => i !== q.answer);
    const options = [...others.slice(0, target), key, ...others.slice(target)];
    return { ...c, question: { ...q, options, answer: target } };
  });
}
