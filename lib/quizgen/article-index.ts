import { sentencesOf } from '@/lib/case-study/parse';
import type { CaseStudy, EntityType, Fact } from '@/lib/case-study/types';

/**
 * What the templates look up across the whole article, computed once per article rather than once
 * per lesson, so generation time grows linearly with the article's length.
 */
export interface ArticleIndex {
  factsBySection: Map<number, Fact[]>;
  /** Distinct fact texts of each kind, in article order (for distractors and swaps). */
  textsByKind: Map<Fact['kind'], string[]>;
  /** Distinct names, without partial names ("Ma" when "Jack Ma" is known) or the main subject. */
  names: string[];
  /** Each name's kind (person, place, organization), when the parser could tell. */
  typeOf: Map<string, EntityType>;
  years: number[];
  /** Lower-cased word → how often it occurs in the article. */
  wordCounts: Map<string, number>;
  /** Every list item with the section it belongs to. */
  listItems: { section: number; item: string }[];
}

export function indexArticle(cs: CaseStudy, subject: string | null): ArticleIndex {
  const factsBySection = new Map<number, Fact[]>();
  const textsByKind = new Map<Fact['kind'], Set<string>>();
  const typeOf = new Map<string, EntityType>();
  for (const f of cs.facts) {
    if (f.entityType) typeOf.set(f.text, f.entityType);
    factsBySection.set(f.section, [...(factsBySection.get(f.section) ?? []), f]);
    if (!textsByKind.has(f.kind)) textsByKind.set(f.kind, new Set());
    textsByKind.get(f.kind)!.add(f.text);
  }
  const entities = [...(textsByKind.get('entity') ?? [])];
  const firstWords = new Set(entities.flatMap((e) => e.split(' ').slice(0, -1)));
  const lastWords = new Set(entities.flatMap((e) => e.split(' ').slice(1)));
  const names = entities.filter((n) => n !== subject && !(n.indexOf(' ') < 0 && (firstWords.has(n) || lastWords.has(n))));
  const wordCounts = new Map<string, number>();
  for (const s of sentencesOf([...cs.introduction, ...cs.sections.flatMap((sec) => sec.blocks)])) {
    for (const m of s.toLowerCase().matchAll(/\p{L}[\p{L}-]*/gu)) wordCounts.set(m[0], (wordCounts.get(m[0]) ?? 0) + 1);
  }
  const listItems = cs.sections.flatMap((s, section) =>
    s.blocks.flatMap((b) => (b.kind === 'list' ? b.items.map((item) => ({ section, item })) : [])),
  );
  return {
    factsBySection,
    textsByKind: new Map([...textsByKind].map(([k, v]) => [k, [...v]])),
    names,
    typeOf,
    years: [...(textsByKind.get('year') ?? [])].map(Number),
    wordCounts,
    listItems,
  };
}
