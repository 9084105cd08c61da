import { sentencesOf } from '@/lib/case-study/parse';
import type { CaseStudy, ContentBlock } from '@/lib/case-study/types';
import { aimsIn, consequencesIn, purposesIn, reasonsIn, type Consequence, type Purpose, type Reason } from './relations';
import { contentWords, isClaim, sentenceFeatures, stripLeadIn, type SentenceFeatures } from './sentence-features';

export interface AnalysedSentence {
  text: string;
  /** Index of the lesson it belongs to; -1 for the introduction. */
  section: number;
  features: SentenceFeatures;
  /** A plain claim about the case that can stand on its own. */
  claim: boolean;
  words: Set<string>;
}

export interface SectionAnalysis {
  sentences: AnalysedSentence[];
  /** The claim that best sums up the section, if any stands on its own. */
  gist: AnalysedSentence | null;
  /** Every claim that could sum up the section, best first. */
  gists: AnalysedSentence[];
  consequences: (Consequence & { section: number })[];
  purposes: (Purpose & { section: number })[];
  /** The aims of every move told in the past tense, as wrong answers beside another move's aim. */
  aims: { aim: string; sentence: string; section: number }[];
  reasons: (Reason & { section: number })[];
}

/** Everything the question families read, computed once per article. */
export interface ArticleAnalysis {
  sections: SectionAnalysis[];
  all: AnalysedSentence[];
}

export function analyseArticle(cs: CaseStudy): ArticleAnalysis {
  const sections = cs.sections.map((s, i) => analyseSection(s.blocks, i, s.title));
  const intro = analyseSentences(cs.introduction, -1);
  return { sections, all: [...intro, ...sections.flatMap((s) => s.sentences)] };
}

function analyseSentences(blocks: ContentBlock[], section: number): AnalysedSentence[] {
  return sentencesOf(blocks).map((text) => {
    const features = sentenceFeatures(text);
    return { text, section, features, claim: isClaim(features), words: contentWords(text) };
  });
}

function analyseSection(blocks: ContentBlock[], index: number, title: string): SectionAnalysis {
  const sentences = analyseSentences(blocks, index);
  const claims = sentences.filter((s) => s.claim && !s.features.forecast);
  const gists = rankGists(claims, contentWords(title));
  const position = new Map(sentences.map((s, i) => [s, i]));
  return {
    sentences,
    gist: gists[0] ?? null,
    gists,
    consequences: claims.flatMap((s) => consequencesIn(s.text).map((c) => ({ ...c, section: index }))),
    purposes: claims.flatMap((s) => purposesIn(s.text).map((p) => ({ ...p, section: index }))),
    // Only the aim is shown, so a figure of speech or a pointer elsewhere in the sentence does not
    // matter; a question, advice, a forecast or a hedge does.
    aims: sentences
      .filter((s) => !s.features.personal && !s.features.question && !s.features.imperative && !s.features.forecast && !s.features.hedged)
      .flatMap((s) => aimsIn(s.text).map((aim) => ({ aim, sentence: s.text, section: index }))),
    // A modal inside the reason is the reasoning of its time ("rejected because customers would repay
    // the loan through rates"), not the article's forecast: only the outcome must be a plain claim.
    reasons: sentences
      .filter((s) => s.claim)
      .flatMap((s) => {
        const previous = sentences[position.get(s)! - 1];
        return reasonsIn(s.text, previous?.claim ? previous.text : null)
          .filter((r) => !s.features.forecast || plainClaim(r.outcome))
          .map((r) => ({ ...r, section: index }));
      }),
  };
}

function plainClaim(text: string): boolean {
  const f = sentenceFeatures(text);
  return isClaim(f) && !f.forecast && !f.hedged;
}

/**
 * The sentence most central to its section: it shares the most content words with the section's
 * other sentences and its title, stands on its own (no "This"/"They" opening), and is of a length
 * that reads as a statement (10 to 32 words).
 */
function rankGists(claims: AnalysedSentence[], titleWords: Set<string>): AnalysedSentence[] {
  const scored: { s: AnalysedSentence; score: number }[] = [];
  for (const s of claims) {
    const body = stripLeadIn(s.text);
    const words = body.split(/\s+/).length;
    if (words < 10 || words > 32 || s.features.needsContext || s.features.hedged || !/^[\p{Lu}\p{N}“"]/u.test(body)) continue;
    if (/[:;]$/.test(body) || /\(|\)/.test(body)) continue;
    let score = 0;
    for (const other of claims) if (other !== s) score += overlap(s.words, other.words);
    score = score / Math.max(1, claims.length - 1) + 0.5 * overlap(s.words, titleWords);
    // A summing-up rarely turns on a figure, and a sentence with one is better kept for a figure question.
    if (/\d/.test(body)) score *= 0.5;
    if (score > 0) scored.push({ s, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((x) => x.s);
}

export function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}
