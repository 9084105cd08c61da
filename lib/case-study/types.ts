export type ContentBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  /** A heading below the section level (`###` under `##` sections). */
  | { kind: 'subheading'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface Section {
  title: string;
  slug: string;
  blocks: ContentBlock[];
  keyPoints: string[];
  /** The closing review lesson built from the takeaways and the conclusion, not an article section. */
  review?: boolean;
}

export type FactKind = 'year' | 'money' | 'percent' | 'count' | 'entity';

/** What kind of thing a name is, so distractors are the same kind of thing as the key. */
export type EntityType = 'person' | 'place' | 'organization';

export interface Fact {
  kind: FactKind;
  /** The exact text as written in the article ("$2.8 billion", "2021", "SenseTime"). */
  text: string;
  /** The sentence carrying the fact, verbatim. */
  sentence: string;
  /** Index of the section the sentence belongs to, or -1 for the introduction. */
  section: number;
  /** For names: person, place or organization (companies, products and the like). */
  entityType?: EntityType;
}

/** A sentence that dates an event, for ordering questions. */
export interface DatedEvent {
  year: number;
  /** The sentence with its date phrase removed ("Alibaba launched Qwen."). */
  event: string;
  sentence: string;
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
  events: DatedEvent[];
}

export type ParseResult = { ok: true; caseStudy: CaseStudy } | { ok: false; error: string };
