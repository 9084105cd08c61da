export type ContentBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

export interface Section {
  title: string;
  slug: string;
  blocks: ContentBlock[];
  keyPoints: string[];
}

export type FactKind = 'year' | 'money' | 'percent' | 'count' | 'entity';

export interface Fact {
  kind: FactKind;
  /** The exact text as written in the article ("$2.8 billion", "2021", "SenseTime"). */
  text: string;
  /** The sentence carrying the fact, verbatim. */
  sentence: string;
  /** Index of the section the sentence belongs to, or -1 for the introduction. */
  section: number;
}

export interface CaseStudy {
  title: string;
  readingMinutes: number;
  introduction: ContentBlock[];
  sections: Section[];
  conclusion: ContentBlock[];
  takeaways: string[];
  facts: Fact[];
}

export type ParseResult = { ok: true; caseStudy: CaseStudy } | { ok: false; error: string };
