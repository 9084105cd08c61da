import { overlap } from './analysis';
import { asStatement, streamFor, type Candidate, type FamilyContext } from './candidate';
import { contentWords } from './sentence-features';

/** A family for the closing review lesson, which looks across the whole case: who each of its players is. */

// "Which part of the case best illustrates the lesson …?" was tried and dropped after blind review:
// several parts of a case usually illustrate one takeaway, so the key was rarely the only answer.

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
