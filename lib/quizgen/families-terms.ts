import nlp from 'compromise';
import { overlap } from './analysis';
import { closest, repeatedStemWord, streamFor, type Candidate, type FamilyContext } from './candidate';
import { fitsBlank, grammaticalNumber } from './language';
import { contentWords, sentenceFeatures } from './sentence-features';

/**
 * The case's own terms: a noun phrase of two to four words ("antitrust probes", "cloud computing
 * services") blanked in its sentence, against other terms of the article of the same shape. Never a
 * single generic word, a name (who_did_what asks those) or a phrase the sentence repeats.
 */

interface Term {
  text: string;
  sentence: string;
  section: number;
  /** The word before the term, lower-cased: the slot it fills ("into", "with", "the"). */
  before: string;
}

/** Multi-word noun phrases of the article's claims, computed once per article. */
const cache = new WeakMap<object, Term[]>();

function termsOf(ctx: FamilyContext): Term[] {
  const hit = cache.get(ctx.analysis);
  if (hit) return hit;
  const out: Term[] = [];
  for (const s of ctx.analysis.all) {
    if (!s.claim || s.features.words > 40 || s.features.words < 6) continue;
    const doc = nlp(s.text);
    for (const m of doc.match('#Adjective? #Noun+').json() as { text: string; terms: { tags: string[] }[] }[]) {
      const text = m.text.replace(/[.,;:!?’'”"—–-]+$/u, '').trim();
      const words = text.split(/\s+/);
      if (words.length < 2 || words.length > 4) continue;
      if (m.terms.some((t) => t.tags.some((tag) => ['Pronoun', 'ProperNoun', 'Value', 'Date', 'Possessive', 'Determiner', 'Verb', 'Particle', 'Adverb'].includes(tag)))) continue;
      // A term of the case is a compound ("antitrust probes", "data privacy lawsuits"); an adjective
      // and one noun is usually a figure of speech or a generic phrase ("smooth sailing", "right mix").
      if (m.terms.filter((t) => t.tags.includes('Noun') && !t.tags.includes('Adjective')).length < 2 && words.length < 3) continue;
      if (!/^[\p{Ll}]/u.test(text) || /[^\p{L}\s-]/u.test(text)) continue;
      if (/^(?:the|a|an|this|that|these|those|last|first|next|other|such|same|own|more|most|many|much|some|any|each|every)\b/.test(text)) continue;
      if (s.text.split(text).length !== 2) continue;
      const at = s.text.indexOf(text);
      // A term glued to a neighbouring word ("AI-driven …") would split it.
      if (/[\p{L}\p{N}-]$/u.test(s.text.slice(0, at)) || /^[\p{L}\p{N}-]/u.test(s.text.slice(at + text.length))) continue;
      const before = /([\p{L}']+)\s*$/u.exec(s.text.slice(0, at))?.[1]?.toLowerCase() ?? '';
      out.push({ text, sentence: s.text, section: s.section, before });
    }
  }
  cache.set(ctx.analysis, out);
  return out;
}

export function keyTermCandidates(ctx: FamilyContext): Candidate[] {
  const all = termsOf(ctx);
  const frequency = new Map<string, number>();
  for (const t of all) for (const w of contentWords(t.text)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const own = all.filter((t) => t.section === ctx.sectionIndex);
  const bySentence = new Map<string, Term[]>();
  for (const t of own) bySentence.set(t.sentence, [...(bySentence.get(t.sentence) ?? []), t]);
  return [...bySentence.entries()].flatMap(([sentence, terms]): Candidate[] => {
    const f = sentenceFeatures(sentence);
    if (f.hedged || f.forecast) return [];
    // The rarest term of the sentence is the one a reader must have read to know.
    const rarity = (t: Term) => [...contentWords(t.text)].reduce((n, w) => n + 1 / (frequency.get(w) ?? 1), 0);
    const term = [...terms].sort((a, b) => rarity(b) - rarity(a))[0]!;
    const blanked = `“${sentence.replace(term.text, '____')}”`;
    const words = term.text.split(/\s+/).length;
    const number = grammaticalNumber(term.text);
    const termWords = contentWords(term.text);
    const sentenceWords = contentWords(sentence);
    const pool = unique(
      all
        // Terms that fill the same slot elsewhere in the article ("into AI ventures", "into new markets"),
        // so every option reads as a sentence someone could have written.
        .filter((o) => o.before === term.before || sameSlotKind(o.before, term.before))
        .filter((o) => o.sentence !== sentence && Math.abs(o.text.split(/\s+/).length - words) <= 1 && grammaticalNumber(o.text) === number)
        .filter((o) => overlap(contentWords(o.text), termWords) === 0 && overlap(contentWords(o.text), sentenceWords) === 0)
        .filter((o) => fitsBlank(blanked, o.text))
        .map((o) => o.text),
    );
    const rng = streamFor('key_term', sentence);
    const slotMates = new Set(all.filter((o) => o.before === term.before && term.before !== '').map((o) => o.text));
    // Terms that filled the very same slot first; then terms after the same kind of word.
    const distractors = closest(rng.shuffle(pool), 3, (x) => (slotMates.has(x) ? 100 : 0) - Math.abs(x.length - term.text.length));
    const exact = distractors.filter((d) => slotMates.has(d)).length;
    if (distractors.length < 3) return [];
    const stem = f.forecast
      ? `Which words complete this outlook the article gives? ${blanked}`
      : `Which words complete this sentence from the article? ${blanked}`;
    if (repeatedStemWord(stem, [term.text], distractors)) return [];
    const options = rng.shuffle([term.text, ...distractors]);
    return [
      {
        question: {
          type: 'single_choice',
          family: 'key_term',
          level: 'remember',
          prompt: stem,
          options,
          answer: options.indexOf(term.text),
          explanation: `The article says: “${sentence}” The other options are terms from other parts of the case; “${distractors[0]}” does not belong here.`,
          source: sentence,
        },
        score: exact === 3 ? 0.45 : 0.3,
        keys: [term.text],
        sources: [sentence],
      },
    ];
  });
}

const SLOT_KINDS = [
  /^(?:a|an|the|its|their|his|her|this|that)$/,
  /^(?:in|into|on|onto|at|for|with|from|to|by|of|over|across|through|about|like)$/,
];
function sameSlotKind(a: string, b: string): boolean {
  return SLOT_KINDS.some((k) => k.test(a) && k.test(b));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
