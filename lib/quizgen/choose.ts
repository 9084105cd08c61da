import { escapeRegExp } from './language';
import { normalizeSource, type Candidate } from './candidate';
import { hasMovableKey } from './flaws';
import { questionFingerprint } from './stored';
import { createRng, hash32 } from './random';
import type { QuestionFamily } from './types';

/** How many questions of one family a lesson's quiz may hold: no family crowds out the rest. */
const FAMILY_CAP: Record<QuestionFamily, number> = {
  main_idea: 1,
  case_summary: 1,
  cause_effect: 2,
  purpose: 1,
  decision: 1,
  tradeoff: 1,
  option_table: 2,
  option_effect: 1,
  classification: 1,
  takeaway_evidence: 2,
  timeline: 1,
  sequence: 1,
  figure: 1,
  change: 2,
  trend: 1,
  comparison: 1,
  who_did_what: 3,
  key_term: 2,
  matching: 1,
};
const MIN_QUESTIONS = 4;
/**
 * Families whose options are the case's own options for one decision ("Build a jumbo line", "Sign a
 * supply agreement", "Stay small"): every question about that decision shows the same options, and
 * knowing which was chosen, or which needed the most capital, answers no other. Their options are no
 * fillers and their keys give nothing away; only their stems are checked for leaks.
 */
const OPTION_SET: ReadonlySet<QuestionFamily> = new Set(['option_table', 'option_effect']);
/**
 * Families whose options are points on a fixed scale ("Fell by about 25%.", "Revenue rose while
 * headcount fell."), shown alike in every question of the family: not fillers, and no key to give away.
 */
const FIXED_SCALE: ReadonlySet<QuestionFamily> = new Set(['change', 'trend', 'comparison']);
const LEAK_NEIGHBOURHOOD = 8;

interface ChooseOptions {
  limit: number;
  /** Sources, keys and options already shown in earlier lessons; updated with this lesson's picks. */
  used: {
    sources: Set<string>;
    keys: Set<string>;
    options: Set<string>;
    /** What earlier lessons' questions show and what they ask for, with the lesson they belong to. */
    shown: { section: number; text: string }[];
    answers: { section: number; text: string }[];
    /** The measures earlier lessons asked about, with the years they read them at. */
    topics?: { topic: string; years: number[] }[];
  };
  /** The lesson being chosen for; a lesson's leaks are looked for in its neighbours (the review: everywhere). */
  section: { index: number; review: boolean };
  rejected: { prompt: string; reason: string }[];
  /** Fingerprints of questions already stored for this article: taken first when still yielded. */
  keep?: ReadonlySet<string>;
}

/**
 * Takes the best candidates, highest score first, under the quiz's rules: no two questions on one
 * sentence or with one key (one would give the other away), a cap per family, and at least half
 * at "understand" or above when the lesson offers enough: recall questions are added only while
 * they do not outnumber the understanding ones, or to reach the minimum of a quiz.
 */
export function chooseQuiz(candidates: Candidate[], { limit, used, rejected, keep, section }: ChooseOptions): Candidate[] {
  // Leaks matter among questions a learner meets together: this lesson, its neighbours, the review.
  // Bounded, so choosing stays linear in the article's length.
  const near = (e: { section: number }) => section.review || Math.abs(e.section - section.index) <= LEAK_NEIGHBOURHOOD;
  const shownNearby = used.shown.filter(near).map((e) => e.text);
  const answersNearby = used.answers.filter(near).map((e) => e.text);
  const ranked = [...candidates].sort((a, b) => b.score - a.score || hash32(a.question.prompt) - hash32(b.question.prompt));
  const picked: Candidate[] = [];
  const perFamily = new Map<QuestionFamily, number>();
  const sources = new Set<string>();
  const keys = new Set<string>();
  // A timeline asks for the order of events and a change for the size of a change, not their details:
  // earlier lessons' sentences may feed them.
  // Containment (a takeaway quoting a sentence) is checked within the quiz; across lessons, equality.
  const clashes = (c: Candidate) =>
    // The same measure asked twice tests one skill twice, and each question's options help with the
    // other (blind reviews v15, a23 and a24: two revenue changes over overlapping periods).
    (c.topic !== undefined && picked.some((p) => p.topic === c.topic)) ||
    // In other lessons, a question whose years all lie among another's on the same measure answers
    // part of it: "EBITDA fell by about 80% between 2022 and 2023" beside "how did EBITDA change over
    // 2022, 2023 and 2024?" (blind review v15, c23).
    (c.topic !== undefined &&
      c.topicYears !== undefined &&
      (used.topics ?? []).some((t) => t.topic === c.topic && (within(c.topicYears!, t.years) || within(t.years, c.topicYears!)))) ||
    c.sources.some((s) => {
      const n = normalizeSource(s);
      // A change read across lessons may rest on an earlier lesson's sentence; one read in a single
      // sentence may not (another question may have shown both of its figures).
      const acrossLessons = FIXED_SCALE.has(c.question.family) && c.sources.length > 1;
      // Tying a lesson to its evidence asks which lesson an episode shows, not the episode's details.
      const lessonToEvidence = c.question.family === 'takeaway_evidence';
      if (c.question.family !== 'timeline' && !acrossLessons && !lessonToEvidence && used.sources.has(n)) return true;
      const same = (o: string) => o === n || (o.length > 30 && n.includes(o)) || (n.length > 30 && o.includes(n));
      // A table's row or a year's list item gives several measures: questions on different ones read
      // different facts of it, and neither's options show a figure (families-change.ts).
      return picked.some((p) => p.sources.some((o) => same(normalizeSource(o))) && !apartInRecord(c, p));
    }) ||
    // A question on a measure beside one that reads it with another ("revenue and EBITDA margin") tells
    // half of the other's answer.
    (c.record !== undefined && picked.some((p) => p.record?.measures.some((m) => c.record!.measures.includes(m)))) ||
    c.keys.some((k) => keys.has(normalizeSource(k)) || used.keys.has(normalizeSource(k))) ||
    c.keys.some((k) => k.length >= 4 && picked.some((p) => p.question.prompt.includes(k))) ||
    // One question's key among another's wrong options lets each give the other away.
    (!OPTION_SET.has(c.question.family) && optionsOf(c).some((o) => keys.has(normalizeSource(o)) || used.keys.has(normalizeSource(o)))) ||
    c.keys.some((k) => used.options.has(normalizeSource(k))) ||
    c.keys.some((k) =>
      picked.some((p) => !OPTION_SET.has(p.question.family) && optionsOf(p).some((o) => normalizeSource(o) === normalizeSource(k))),
    ) ||
    // A key printed anywhere in another question of the quiz (a figure inside a timeline item, a
    // name in an option) answers that question for free, in either direction.
    leaksInto(answersOf(c), [...shownNearby, ...picked.map(shownText)]) ||
    leaksInto([...answersNearby, ...picked.flatMap(answersOf)], [shownText(c)]) ||
    // Two wrong options already shown in another question: recycled fillers teach the learner to skip
    // them. (A change question's bands are a fixed scale, not fillers.)
    (!FIXED_SCALE.has(c.question.family) &&
      !OPTION_SET.has(c.question.family) &&
      optionsOf(c).filter(
        (o) =>
          used.options.has(normalizeSource(o)) ||
          picked.some((p) => !OPTION_SET.has(p.question.family) && optionsOf(p).some((x) => normalizeSource(x) === normalizeSource(o))),
      ).length >= 2);
  const take = (c: Candidate) => {
    picked.push(c);
    perFamily.set(c.question.family, (perFamily.get(c.question.family) ?? 0) + 1);
    for (const s of c.sources) sources.add(normalizeSource(s));
    if (!OPTION_SET.has(c.question.family)) for (const k of c.keys) keys.add(normalizeSource(k));
  };
  const understanding = (c: Candidate) => c.question.level !== 'remember';
  const kept = (c: Candidate) => keep !== undefined && keep.has(questionFingerprint(c.question));
  for (const pass of ['kept', 'understand', 'remember'] as const) {
    for (const c of ranked) {
      if (picked.includes(c) || picked.length >= limit) continue;
      if (pass === 'kept') {
        if (kept(c) && (perFamily.get(c.question.family) ?? 0) < FAMILY_CAP[c.question.family] && !clashes(c)) take(c);
        continue;
      }
      if ((pass === 'understand') !== (understanding(c) && c.score >= 0.6)) continue;
      if ((perFamily.get(c.question.family) ?? 0) >= FAMILY_CAP[c.question.family]) continue;
      if (pass === 'remember') {
        const understood = picked.filter(understanding).length;
        const recall = picked.length - understood;
        // Weaker understanding questions fill a short quiz. Blind reviews rejected most recall questions
        // as trivia (v4–v6: 16 of 68 blanked figures and 1 of 14 terms acceptable as is): a lesson takes
        // one only when it has no understanding question at all.
        // The exception is the case's own decision ("which of the options did the board choose?"):
        // what a case turns on is never trivia, so it joins the understanding questions.
        const decision = c.question.family === 'decision';
        if (understanding(c) ? picked.length >= MIN_QUESTIONS + 1 : recall >= 1 || (understood > 0 && !decision)) continue;
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
  for (const c of picked)
    if (c.topic !== undefined && c.topicYears !== undefined) (used.topics ??= []).push({ topic: c.topic, years: c.topicYears });
  for (const c of picked) if (!OPTION_SET.has(c.question.family)) for (const o of optionsOf(c)) used.options.add(normalizeSource(o));
  for (const c of picked) {
    used.shown.push({ section: section.index, text: shownText(c) });
    used.answers.push(...answersOf(c).map((text) => ({ section: section.index, text })));
  }
  return balanceKeyPositions(picked);
}

/** Two figure questions on different measures of the same records. */
function apartInRecord(a: Candidate, b: Candidate): boolean {
  return (
    a.record !== undefined &&
    b.record !== undefined &&
    FIXED_SCALE.has(a.question.family) &&
    FIXED_SCALE.has(b.question.family) &&
    !a.record.measures.some((m) => b.record!.measures.includes(m))
  );
}

/** Every year of a among b's. */
function within(a: number[], b: number[]): boolean {
  return a.every((y) => b.includes(y));
}

/** Everything a learner reads in a question before answering it. */
function shownText(c: Candidate): string {
  const q = c.question;
  const parts = [q.prompt];
  if ((q.type === 'single_choice' || q.type === 'multiple_choice') && !(q.family && OPTION_SET.has(q.family))) parts.push(...q.options);
  if (q.type === 'ordering') parts.push(...q.items);
  if (q.type === 'matching') parts.push(...q.pairs.flat());
  return normalizeSource(parts.join('\n'));
}

/** What a learner must supply to answer: a figure or a name typed in; for choices, the key text. */
function answersOf(c: Candidate): string[] {
  const q = c.question;
  if (q.type === 'numeric') return [String(q.answer.value)];
  if (q.type === 'fill_blank') return q.answer;
  // A change's or a trend's key is a point on a fixed scale ("Fell by about 25%."), shown in every
  // question of the family: seeing it elsewhere gives nothing away.
  if (q.type === 'single_choice' && !(q.family && (FIXED_SCALE.has(q.family) || OPTION_SET.has(q.family)))) return [q.options[q.answer]!];
  return [];
}

/** Whether any answer appears, as a whole number or whole words, in any of the texts. */
export function leaksInto(answers: string[], texts: string[]): boolean {
  return answers.some((answer) => {
    const a = normalizeSource(answer);
    if (!a) return false;
    const numeric = /^\d+(?:\.\d+)?$/.test(a);
    if (!numeric && a.length < 4) return false;
    // 2.8 matches "$2.8 billion" but not "12.8" or "2.85"; 1900 also matches "1,900".
    const body = numeric ? escapeRegExp(a).replace(/^(\d+)(\d{3})(?=\\.|$)/, '$1,?$2') : escapeRegExp(a);
    const pattern = numeric
      ? new RegExp(`(?<![\\d.,])${body}(?![\\d]|[.,]\\d)`)
      : new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u');
    return texts.some((t) => pattern.test(normalizeSource(t)));
  });
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
