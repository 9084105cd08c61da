import { overlap } from './analysis';
import { asStatement, repeatedStemWord, streamFor, type Candidate, type FamilyContext } from './candidate';
import { contentWords } from './sentence-features';

/**
 * Families for the closing review lesson, which look across the whole case: which part of the case
 * illustrates a takeaway, and who each of the case's players is.
 */

/**
 * "Which part of the case best illustrates the lesson '<takeaway>'?" Key: the lesson whose text shares
 * the most words with the takeaway, by a clear margin; distractors: the other lessons.
 */
export function takeawayEvidenceCandidates(ctx: FamilyContext): Candidate[] {
  if (!ctx.section.review) return [];
  const lessons = ctx.caseStudy.sections
    .map((s, i) => ({ title: s.title, i, words: new Set(ctx.analysis.sections[i]!.sentences.flatMap((x) => [...x.words])) }))
    .filter((l) => !ctx.caseStudy.sections[l.i]!.review);
  if (lessons.length < 4) return [];
  return ctx.caseStudy.takeaways.flatMap((takeaway): Candidate[] => {
    const words = contentWords(takeaway);
    const ranked = lessons.map((l) => ({ ...l, score: overlap(words, l.words) })).sort((a, b) => b.score - a.score);
    const [best, second] = ranked;
    if (!best || !second || best.score < 2 || best.score - second.score < 2) return [];
    const rng = streamFor('takeaway_evidence', takeaway);
    const distractors = rng.shuffle(ranked.slice(1)).slice(0, 3).map((l) => l.title);
    const stem = `Which part of the case best illustrates this lesson from the article: “${takeaway}”?`;
    if (repeatedStemWord(stem, [best.title], distractors)) return [];
    const options = rng.shuffle([best.title, ...distractors]);
    const evidence = ctx.analysis.sections[best.i]!.sentences
      .filter((s) => s.claim)
      .sort((a, b) => overlap(words, b.words) - overlap(words, a.words))[0];
    return [
      {
        question: {
          type: 'single_choice',
          family: 'takeaway_evidence',
          level: 'apply',
          prompt: stem,
          options,
          answer: options.indexOf(best.title),
          explanation:
            `“${best.title}” is where the case shows it${evidence ? `: “${evidence.text}”` : '.'} ` +
            `“${distractors[0]}” tells another part of the story that the takeaway does not draw on.`,
          source: evidence?.text ?? takeaway,
        },
        score: 0.7,
        keys: [takeaway],
        sources: [takeaway, ...(evidence ? [evidence.text] : [])],
      },
    ];
  });
}

const ROLE = /(?<![\p{L}])(\p{Lu}[\p{L}\p{N}&.-]*(?:\s+\p{Lu}[\p{L}\p{N}&.-]*){0,3}),\s+(?:which|who)\s+([^,;:—]{12,90}?)(?=[,;.]|$)/gu;

/** "Match each name to what the article says about it", from "X, which/who …" across the article. */
export function rolesMatchingCandidates(ctx: FamilyContext): Candidate[] {
  if (!ctx.section.review) return [];
  const names = new Set(ctx.index.names);
  const pairs = new Map<string, { role: string; sentence: string }>();
  for (const s of ctx.analysis.all) {
    if (!s.claim) continue;
    for (const m of s.text.matchAll(ROLE)) {
      const name = m[1]!.trim();
      const role = m[2]!.trim();
      if (!names.has(name) || pairs.has(name) || /\b(?:you|your|we|our)\b/i.test(role)) continue;
      if (overlap(contentWords(name), contentWords(role)) > 0) continue;
      pairs.set(name, { role: asStatement(role.charAt(0).toUpperCase() + role.slice(1)).slice(0, -1), sentence: s.text });
    }
  }
  if (pairs.size < 3) return [];
  const rng = streamFor('matching', [...pairs.keys()].join(' '));
  const shown = rng.shuffle([...pairs.entries()]).slice(0, 5);
  return [
    {
      question: {
        type: 'matching',
        family: 'matching',
        level: 'remember',
        prompt: 'Match each name from the case to what the article says about it.',
        pairs: shown.map(([name, v]): [string, string] => [name, v.role]),
        explanation: `The article says: ${shown.map(([, v]) => `“${v.sentence}”`).join(' ')}`,
        source: shown.map(([, v]) => v.sentence).join(' '),
      },
      score: 0.55,
      keys: shown.map(([name]) => name),
      sources: shown.map(([, v]) => v.sentence),
    },
  ];
}
