import nlp from 'compromise';
import { streamFor, type Candidate, type FamilyContext } from './candidate';
import { sentenceFeatures, stripLeadIn } from './sentence-features';

/**
 * A choice the article reports with the alternative it turned down: "decided to settle rather than
 * fight a public dispute", "restructuring the programme rather than abandoning it". Swapping the two
 * keeps the sentence grammatical and plausible (both courses were on the table) and makes it false,
 * so only a reader who knows which way the case went can tell. Blind reviewers asked for the case's
 * decisions and their alternatives rather than the figures around them.
 */
export interface Alternatives {
  /** The course taken, as written: "settle and pay for the re-coating". */
  chosen: string;
  /** The course turned down: "fight a public dispute with a reference customer". */
  rejected: string;
  /** The sentence with the two swapped. */
  swapped: string;
  sentence: string;
}

const MARKER = /,?\s+(rather than|instead of)\s+/i;
// A pronoun in the turned-down course would point forward once it moves first ("close them rather than
// keep the copper lines"); a possessive of the subject ("rest on its laurels") stays clear.
const PRONOUN = /\b(?:it|them|they|this|that|these|those|him|he|she|us|we|our|you|your)\b/i;
const PERSONAL = /\b(?:us|we|our|you|your)\b/i;
const GERUND_LEAD = /(?:^|\b(?:by|of|for|on|in|from|about|without|through)\s+)$/i;

/** "to A rather than B" (both bare verbs) or "A-ing rather than / instead of B-ing". */
export function alternativesIn(sentence: string): Alternatives | null {
  const text = stripLeadIn(sentence.trim());
  const m = MARKER.exec(text);
  if (!m || MARKER.test(text.slice(m.index + m[0].length))) return null;
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  // The turned-down course runs to the end of its clause.
  const end = /[,;:.!]/.exec(after)?.index ?? after.length;
  const rejected = after.slice(0, end).trim();
  const tail = after.slice(end);
  const firstOfRejected = rejected.split(/\s+/)[0] ?? '';
  let start: number;
  if (/ing$/i.test(firstOfRejected)) {
    // "restructuring the programme rather than abandoning it": the chosen course opens on a gerund too.
    // It must open the sentence or follow a preposition ("by restructuring"), not be a noun ("pricing strategy").
    const gerunds = [...before.matchAll(/(?:^|\s)(\p{L}+ing)\b/giu)].filter((g) => {
      const at = g.index! + (g[0].startsWith(' ') ? 1 : 0);
      return GERUND_LEAD.test(before.slice(0, at));
    });
    const last = gerunds.at(-1);
    if (!last) return null;
    start = last.index! + (last[0].startsWith(' ') ? 1 : 0);
  } else {
    if (m[1]!.toLowerCase() !== 'rather than') return null;
    // "decided to A rather than B": the chosen course follows the last "to", a bare verb like B's.
    const to = before.toLowerCase().lastIndexOf(' to ');
    if (to < 0) return null;
    start = to + 4;
    // Both courses open on a bare verb ("to settle … rather than fight …"), not "a risk to be managed
    // rather than a project".
    const isVerb = (word: string) => nlp(`They will ${word} it.`).terms().eq(2).has('#Verb');
    if (!isVerb(firstOfRejected) || !isVerb(before.slice(start).split(/\s+/)[0] ?? '') || /^be$/i.test(firstOfRejected)) return null;
  }
  const chosen = before
    .slice(start)
    .replace(/[,;]\s*$/, '')
    .trim();
  const words = (s: string) => s.split(/\s+/).length;
  if (words(chosen) < 2 || words(chosen) > 16 || words(rejected) < 1 || words(rejected) > 14) return null;
  // A pronoun in either course would point the wrong way once the two swap places.
  if (PRONOUN.test(rejected) || PERSONAL.test(chosen) || /\d/.test(rejected) || /["“”]/.test(text)) return null;
  const head = before.slice(0, start);
  const comma = m[0].startsWith(',') ? ',' : '';
  const swapped = `${head}${rejected}${comma} ${m[1]} ${chosen}${tail}`;
  return { chosen, rejected, swapped, sentence };
}

export function decisionCandidates(ctx: FamilyContext): Candidate[] {
  const sentences = ctx.analysis.sections[ctx.sectionIndex]?.sentences ?? [];
  return sentences.flatMap((s): Candidate[] => {
    const f = sentenceFeatures(s.text);
    if (f.question || f.personal || f.figurative || f.forecast || f.hedged || f.needsContext || f.imperative) return [];
    const alt = alternativesIn(s.text);
    if (!alt) return [];
    const rng = streamFor('decision', s.text);
    const truth = rng.next() < 0.5;
    const shown = (truth ? stripLeadIn(s.text.trim()) : alt.swapped).replace(/[.!]+$/, '');
    const statement = shown.charAt(0).toLowerCase() === shown.charAt(0) ? shown : lowerIfCommon(shown);
    return [
      {
        question: {
          type: 'true_false',
          family: 'decision',
          level: 'understand',
          prompt: `True or false? According to the article, ${statement}.`,
          answer: truth,
          explanation: truth
            ? `True. The article reports the choice and the alternative it turned down: “${s.text}”`
            : `False. It was the other way round: the case chose to ${alt.chosen}, not to ${alt.rejected}. The article says: “${s.text}”`,
          source: s.text,
        },
        score: 0.8,
        keys: [alt.chosen, alt.rejected],
        sources: [s.text],
      },
    ];
  });
}

/** "Magnussen's decision …" keeps its capital; "Selling on fuel savings …" becomes "selling on …". */
function lowerIfCommon(text: string): string {
  const first = nlp(text).terms().first();
  return first.has('(#ProperNoun|#Person|#Organization|#Acronym)') ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
