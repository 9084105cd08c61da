import { sentencesOf } from '@/lib/case-study/parse';
import { overlap, type AnalysedSentence } from './analysis';
import { asStatement, singleChoice, streamFor, type Candidate, type FamilyContext } from './candidate';
import { contentWords } from './sentence-features';

/**
 * The article's own lessons tied back to the case: "Which event in the case best illustrates this
 * lesson: 'Credible data is a precondition for capital'?" The key is the part of the case the
 * lesson's own wording points at (its explanation names the episode: "the 2021 breach", "labelling
 * early reports as misuse"); the wrong options are the episodes the article's other lessons point
 * at, so every option is a real, important event of the case, and only one illustrates this lesson.
 */

interface Evidence {
  takeaway: string;
  /** What the stem shows: the lesson's first sentence or clause. */
  headline: string;
  sentence: AnalysedSentence;
  /** The lesson's words that the evidence shares, weighted by how rare they are in the article. */
  strength: number;
}

/** Words that name an episode: rare in the article (at most this many sentences use them). */
const RARE = 3;
/** The evidence must share this much weighted vocabulary with its lesson… */
const MIN_STRENGTH = 1.75;
/** …and clearly more than any sentence of another part of the case. */
const MARGIN = 0.5;
const MAX_TAKEAWAYS = 20;

const cache = new WeakMap<object, Evidence[]>();
const dfCache = new WeakMap<object, Map<string, number>>();

/** How many sentences of the whole article use each word: the rarer, the more it names one episode. */
function documentFrequency(ctx: FamilyContext): Map<string, number> {
  let df = dfCache.get(ctx.analysis);
  if (!df) {
    df = new Map();
    for (const s of ctx.analysis.all) for (const w of s.words) df.set(w, (df.get(w) ?? 0) + 1);
    dfCache.set(ctx.analysis, df);
  }
  return df;
}

/** The words of a text that name something particular in this article. */
function rareWords(ctx: FamilyContext, words: Set<string>): Set<string> {
  const df = documentFrequency(ctx);
  return new Set([...words].filter((w) => (df.get(w) ?? 0) <= RARE));
}

function evidenceOf(ctx: FamilyContext): Evidence[] {
  const hit = cache.get(ctx.analysis);
  if (hit) return hit;
  const body = plainClaims(ctx).filter((s) => s.features.words >= 8 && s.features.words <= 40);
  const df = documentFrequency(ctx);
  const weight = (w: string) => {
    const n = df.get(w) ?? 0;
    return n === 0 ? 0 : n <= RARE ? 1.5 / n + 0.5 : 0.25;
  };
  const out: Evidence[] = [];
  // An article's own lessons are a handful; a bound keeps the matching linear in the article's length.
  for (const takeaway of ctx.caseStudy.takeaways.slice(0, MAX_TAKEAWAYS)) {
    const words = contentWords(takeaway);
    const scored = body
      .map((s) => ({ s, strength: [...s.words].filter((w) => words.has(w)).reduce((sum, w) => sum + weight(w), 0) }))
      .sort((a, b) => b.strength - a.strength);
    const best = scored[0];
    if (!best || best.strength < MIN_STRENGTH) continue;
    // The runner-up from another lesson must be clearly weaker, or two parts of the case fit.
    const rival = scored.find((x) => x.s.section !== best.s.section);
    if (rival && best.strength - rival.strength < MARGIN) continue;
    out.push({ takeaway, headline: headlineOf(takeaway), sentence: best.s, strength: best.strength });
  }
  cache.set(ctx.analysis, out);
  return out;
}

/** "Treat complaints as data, not noise. Labelling …" → "Treat complaints as data, not noise." */
function headlineOf(takeaway: string): string {
  const first = sentencesOf([{ kind: 'paragraph', text: takeaway }])[0] ?? takeaway;
  const clause = first.split(/;\s+|:\s+/)[0]!;
  return asStatement(clause);
}

/** The lessons' plain claims that stand on their own (no forecast, hedge or back-reference). */
function plainClaims(ctx: FamilyContext): AnalysedSentence[] {
  return ctx.analysis.sections
    .filter((_, i) => !ctx.caseStudy.sections[i]!.review)
    .flatMap((s) => s.sentences)
    .filter((s) => s.claim && !s.features.forecast && !s.features.hedged && !s.features.needsContext);
}

/** Events of the case a learner would remember: plain claims with a year, a figure or a name. */
const episodeCache = new WeakMap<object, AnalysedSentence[]>();
function episodesOf(ctx: FamilyContext): AnalysedSentence[] {
  let out = episodeCache.get(ctx.analysis);
  if (!out) {
    out = plainClaims(ctx).filter(
      (s) => s.features.words >= 10 && s.features.words <= 32 && /\b(?:19|20)\d{2}\b|\d|\s\p{Lu}\p{Ll}+/u.test(s.text),
    );
    episodeCache.set(ctx.analysis, out);
  }
  return out;
}

export function takeawayEvidenceCandidates(ctx: FamilyContext): Candidate[] {
  if (!ctx.section.review) return [];
  const all = evidenceOf(ctx);
  return all.flatMap((e): Candidate[] => {
    // Shared common words ("ferry" in a ferry company's case) say nothing; shared rare words would.
    const lessonWords = rareWords(ctx, contentWords(e.takeaway));
    const keyWords = rareWords(ctx, e.sentence.words);
    // Other lessons' evidence that shares nothing with this lesson, each from its own part of the case.
    const others = all.filter(
      (o) =>
        o !== e &&
        o.sentence.text !== e.sentence.text &&
        overlap(o.sentence.words, lessonWords) === 0 &&
        overlap(contentWords(o.takeaway), keyWords) === 0,
    );
    const rng = streamFor('takeaway_evidence', `${e.takeaway}\n${e.sentence.text}`);
    // Then other dated or named events from other parts of the case that share nothing with the lesson.
    const episodes = episodesOf(ctx)
      .filter(
        (x) =>
          x.section !== e.sentence.section &&
          overlap(x.words, lessonWords) === 0 &&
          overlap(x.words, keyWords) === 0 &&
          !others.some((o) => o.sentence.text === x.text),
      )
      .map((x) => ({ takeaway: null, sentence: x }));
    const picked = [
      ...rng.shuffle(others).map((o) => ({ takeaway: o.takeaway as string | null, sentence: o.sentence })),
      ...rng.shuffle(episodes),
    ].slice(0, 3);
    if (picked.length < 3) return [];
    const key = asStatement(e.sentence.text);
    const stem = `Which part of the case best illustrates this lesson from the article: “${e.headline}”`;
    return singleChoice({
      family: 'takeaway_evidence',
      level: 'analyze',
      rng,
      stem: `${stem.replace(/[.]$/, '')}?`.replace(/\.?”\?$/, '”?'),
      key,
      distractors: picked.map((o) => asStatement(o.sentence.text)),
      explain: (tempting) => {
        const other = picked.find((o) => asStatement(o.sentence.text) === tempting)!;
        return (
          `The article draws this lesson — “${e.takeaway}” — from this part of the case: “${e.sentence.text}” ` +
          (other.takeaway
            ? `“${tempting}” illustrates a different lesson of the article: “${other.takeaway}”`
            : `“${tempting}” is part of the case too, but nothing in this lesson draws on it.`)
        );
      },
      source: e.sentence.text,
      score: 0.9,
      alsoReveals: [e.headline],
    });
  });
}
