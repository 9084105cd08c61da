import nlp from 'compromise';
import type { Candidate, FamilyContext } from './candidate';
import { sentenceFeatures } from './sentence-features';

/**
 * The case's own terms: a noun phrase of two to four words ("antitrust probes", "cloud computing
 * services") blanked in its sentence. Never a single generic word, a name (who_did_what asks those)
 * or a phrase the sentence repeats.
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

/**
 * A term the case keeps using ("claim denial rate", "core banking platform") blanked where the article
 * says something about it, asked as a fill-in. Blind review of multiple-choice versions found the
 * other terms of an article rarely fit the slot, so they cued the key; a term typed from memory does not.
 */
export function keyTermCandidates(ctx: FamilyContext): Candidate[] {
  const all = termsOf(ctx);
  const uses = new Map<string, number>();
  const text = ctx.analysis.all.map((s) => s.text.toLowerCase()).join('\n');
  for (const t of all) if (!uses.has(t.text)) uses.set(t.text, text.split(t.text.toLowerCase()).length - 1);
  const own = all.filter((t) => t.section === ctx.sectionIndex && (uses.get(t.text) ?? 0) >= 2 && t.text.split(/\s+/).length >= 2);
  const bySentence = new Map<string, Term>();
  for (const t of own) if (!bySentence.has(t.sentence)) bySentence.set(t.sentence, t);
  return [...bySentence.values()].flatMap((term): Candidate[] => {
    const f = sentenceFeatures(term.sentence);
    if (f.hedged || f.forecast || f.words < 8) return [];
    const blanked = `“${term.sentence.replace(term.text, '____')}”`;
    const stem = `Fill in the blank with the term the article uses: ${blanked}`;
    return [
      {
        question: {
          type: 'fill_blank',
          family: 'key_term',
          level: 'remember',
          prompt: stem,
          answer: termVariants(term.text),
          explanation: `The article says: “${term.sentence}” “${term.text}” is a term the case comes back to.`,
          source: term.sentence,
        },
        score: 0.4,
        keys: [term.text],
        sources: [term.sentence],
      },
    ];
  });
}

/** The term as written, in the singular or plural, with or without a hyphen. */
function termVariants(term: string): string[] {
  const out = new Set([term, term.replace(/-/g, ' ')]);
  if (/s$/.test(term) && !/ss$/.test(term)) out.add(term.replace(/s$/, ''));
  else out.add(`${term}s`);
  return [...out];
}

