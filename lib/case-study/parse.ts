import nlp from 'compromise';
import { headingLike, toBlocks, type RawBlock } from './blocks';
import { classifyEntities } from './entities';
import { datedEvent } from './events';
import { factsInSentence, midSentenceNames } from './facts';
import { slugify, splitSentences, wordCount } from './sentences';
import type { CaseStudy, ContentBlock, DatedEvent, Fact, ParseResult, Section } from './types';

const MIN_WORDS = 80;
const WORDS_PER_MINUTE = 220;
const WORDS_PER_GENERATED_LESSON = 350;
/** The review lesson that closes a case study with three or more takeaways. */
const REVIEW_TITLE = 'Review: key takeaways';
const REVIEW_SLUG = 'review-key-takeaways';

const READING_TIME = /^\d+\s*(?:min|mins|minutes?)\.?\s*(?:read|reading)?$/i;
// "By Dana Wu · 8 mins read", "Written by …", "Posted on …": who wrote the page, not the case.
const BYLINE = /^(?:by|written by|posted by|posted on|published|updated)\s+\S.{0,80}$/i;
const READING_TIME_IN_LINE = /\b(\d+)\s*(?:min|mins|minutes?)\.?\s*(?:read|reading)\b/i;
const CONCLUSION = /^(?:conclusion|in conclusion|final thoughts|wrapping up|summary|the bottom line|closing thoughts)\b/i;
const TAKEAWAY_SECTION =
  /^(?:(?:key|main|top|five|three|\d+)\s+)?(?:takeaways?|lessons?(?:\s+(?:for|learned|learnt|from|to)\b.*)?|what (?:we|you|others|other \w+|managers|leaders|founders|executives|\w+ leaders) (?:can|should|could) (?:learn|take away)\b.*|the bottom line|bottom line)\W*$/i;
const TAKEAWAY_INTRO = /\b(?:key\s+)?(?:takeaways?|lessons (?:learned|for)\b)/i;
const JUNK_LINE = /^(?:share|tweet|like|comments?|follow|subscribe|print|email)\b.{0,30}$/i;
// Web-page chrome left at the end of a pasted article: sharing, newsletters, related links, copyright.
const PAGE_CHROME =
  /\b(?:share (?:this|on)|subscribe|newsletter|sign up|enter your email|follow us|related (?:posts|articles|reading)|read (?:more|next)|©|copyright|all rights reserved|privacy policy|terms of (?:use|service))\b/i;

/** Parses an article into a case study. Never throws: bad input comes back as `{ ok: false }`. */
export function parseCaseStudy(input: string): ParseResult {
  try {
    return parse(typeof input === 'string' ? input : '');
  } catch {
    return { ok: false, error: 'This article could not be read. Check that it is plain text or Markdown.' };
  }
}

function parse(input: string): ParseResult {
  let blocks = toBlocks(input);
  if (!blocks.some((b) => b.kind !== 'heading' || b.text)) return { ok: false, error: 'The article is empty.' };

  const title = takeTitle(blocks);
  let readingMinutes: number | null = null;
  blocks = blocks.filter((b) => {
    if (b.kind === 'list' || b.kind === 'table') return true;
    if (b.text === title) return false;
    const minutes = READING_TIME.exec(b.text) ? parseInt(b.text, 10) : NaN;
    if (!Number.isNaN(minutes)) {
      readingMinutes ??= minutes;
      return false;
    }
    return true;
  });
  // Bylines and "8 mins read" lines at the top of a pasted page, alone or as a paragraph's first line.
  for (const b of blocks.slice(0, 3)) {
    if (b.kind !== 'paragraph') continue;
    while (b.lines.length && (BYLINE.test(b.lines[0]!) || READING_TIME_IN_LINE.test(b.lines[0]!)) && wordCount(b.lines[0]!) <= 16) {
      const inLine = READING_TIME_IN_LINE.exec(b.lines[0]!);
      if (inLine) readingMinutes ??= parseInt(inLine[1]!, 10);
      b.lines.shift();
      b.text = b.lines.join(' ');
    }
  }
  blocks = blocks.filter((b) => b.kind !== 'paragraph' || b.lines.length > 0);
  while (blocks.length && isTrailingJunk(blocks[blocks.length - 1]!)) blocks.pop();
  // "Related posts" and the like: everything after the first page-chrome block near the end is chrome too.
  const tail = blocks.length - 12;
  const chrome = blocks.findIndex(
    (b, i) => i > 0 && i >= tail && b.kind !== 'table' && isTrailingJunk(b) && blocks.slice(i).every((x) => wordCount(blockText(x)) <= 40),
  );
  if (chrome > 0) blocks.splice(chrome);

  const totalWords = blocks.reduce((n, b) => n + wordCount(blockText(b)), 0);
  if (totalWords < MIN_WORDS) {
    return {
      ok: false,
      error: `This article is too short to teach from: it has ${totalWords} words after its title, and Casewise needs at least ${MIN_WORDS}.`,
    };
  }

  const headed = markHeadings(blocks);
  const { introduction, sections: rawSections } = groupSections(headed);
  const sections: Section[] = [];
  let conclusion: ContentBlock[] = [];
  const takeaways: string[] = [];

  for (const raw of rawSections) {
    if (CONCLUSION.test(raw.title)) {
      // A closing section may end with its own list of lessons: those are takeaways too.
      takeaways.push(...raw.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [])));
      conclusion = conclusion.concat(raw.blocks.filter((b) => b.kind !== 'list'));
      continue;
    }
    if (TAKEAWAY_SECTION.test(raw.title)) {
      takeaways.push(...keyPointsOf(raw.blocks));
      continue;
    }
    if (!raw.blocks.length) continue;
    sections.push({ title: raw.title, slug: '', blocks: raw.blocks, keyPoints: keyPointsOf(raw.blocks) });
    raw.blocks.forEach((b, i) => {
      const before = raw.blocks[i - 1];
      if (b.kind === 'list' && before?.kind === 'paragraph' && TAKEAWAY_INTRO.test(lastSentence(before.text))) {
        takeaways.push(...b.items);
      }
    });
  }
  const firstConclusionSentence = conclusion.find((b) => b.kind === 'paragraph');
  if (firstConclusionSentence?.kind === 'paragraph') {
    const sentence = splitSentences(firstConclusionSentence.text)[0];
    if (sentence) takeaways.push(stripLeadIn(sentence));
  }

  const finalSections = sections.length ? sections : splitByLength(introduction.splice(0));
  assignSlugs(finalSections);
  const uniqueTakeaways = [...new Set(takeaways)];
  if (uniqueTakeaways.length >= 3) {
    // Takeaways get their own review lesson: the takeaways themselves and the conclusion.
    finalSections.push({
      title: REVIEW_TITLE,
      slug: finalSections.some((x) => x.slug === REVIEW_SLUG) ? `${REVIEW_SLUG}-2` : REVIEW_SLUG,
      blocks: [{ kind: 'list', ordered: false, items: uniqueTakeaways }, ...conclusion],
      keyPoints: uniqueTakeaways,
      review: true,
    });
  }

  const allSentences = [
    ...sentencesOf(introduction).map((s) => ({ s, section: -1 })),
    ...finalSections.flatMap((sec, i) => sentencesOf(sec.blocks).map((s) => ({ s, section: i }))),
  ];
  const known = midSentenceNames(allSentences.map((x) => x.s));
  const facts: Fact[] = allSentences.flatMap(({ s, section }) => factsInSentence(s, section, known));
  const types = classifyEntities(
    facts.filter((f) => f.kind === 'entity').map((f) => f.text),
    allSentences.map((x) => x.s),
  );
  for (const f of facts) {
    const type = f.kind === 'entity' ? types.get(f.text) : undefined;
    if (type) f.entityType = type;
  }
  const events = allSentences.map(({ s, section }) => datedEvent(s, section)).filter((e): e is DatedEvent => e !== null);

  const caseStudy: CaseStudy = {
    title,
    readingMinutes: readingMinutes ?? Math.max(1, Math.round(totalWords / WORDS_PER_MINUTE)),
    introduction,
    sections: finalSections,
    conclusion,
    takeaways: uniqueTakeaways,
    facts,
    events,
  };
  return { ok: true, caseStudy };
}

/** Removes the title (the first heading or first line) from the blocks and returns it. */
function takeTitle(blocks: RawBlock[]): string {
  const first = blocks[0]!;
  if (first.kind === 'heading') {
    blocks.shift();
    return first.text;
  }
  if (first.kind === 'list') {
    blocks.shift();
    return first.items[0] ?? 'Untitled case study';
  }
  if (first.kind === 'table' || first.kind === 'quote') return 'Untitled case study';
  const [titleLine, ...rest] = first.lines;
  if (rest.length) blocks[0] = { kind: 'paragraph', text: rest.join(' '), lines: rest };
  else blocks.shift();
  return titleLine ?? 'Untitled case study';
}

function isTrailingJunk(b: RawBlock): boolean {
  if (b.kind === 'list') return b.items.every((item) => wordCount(item) <= 12) && b.items.some((item) => PAGE_CHROME.test(item));
  if (b.kind === 'table') return false;
  const letters = (b.text.match(/\p{L}/gu) ?? []).length;
  // A year standing alone ("2023") heads a part of the text; it is no page chrome for having no letters.
  return (letters < 3 && !YEAR_ONLY.test(b.text.trim())) || JUNK_LINE.test(b.text) || (wordCount(b.text) <= 12 && PAGE_CHROME.test(b.text));
}

/** In pasted text, a heading is a short line standing alone that does not end like a sentence. */
function looksLikeHeading(b: RawBlock, next: RawBlock | undefined): boolean {
  if (b.kind !== 'paragraph' || b.lines.length !== 1 || !next) return false;
  return headingLike(b.text);
}

type Headed = { kind: 'section'; title: string } | ContentBlock;

const YEAR_ONLY = /^(?:FY\s?|fiscal\s+)?(?:19|20)\d{2}(?:\s?[–/-]\s?\d{2,4})?$/i;

function markHeadings(blocks: RawBlock[]): Headed[] {
  const explicit = blocks.filter((b): b is Extract<RawBlock, { kind: 'heading' }> => b.kind === 'heading');
  const sectionLevel = explicit.length ? Math.min(...explicit.map((h) => h.level)) : 0;
  const numberedOnly = explicit.length > 0 && explicit.every((h) => !h.explicit);
  return blocks.map((b, i): Headed => {
    if (b.kind === 'heading') {
      return b.level <= sectionLevel ? { kind: 'section', title: b.text } : { kind: 'subheading', text: b.text };
    }
    if (b.kind === 'list') return { kind: 'list', ordered: b.ordered, items: b.items };
    if (b.kind === 'table' || b.kind === 'quote') return b;
    // Under a report's numbered headings, a heading line standing alone heads a part of its section.
    if (looksLikeHeading(b, blocks[i + 1])) {
      // "2022", "FY2023" under "The Results": a year heads a part of the lesson above it, not a lesson
      // (blind review v19g, b69: three lessons titled by their years alone).
      if (!explicit.length && YEAR_ONLY.test(b.text) && i > 0) return { kind: 'subheading', text: b.text };
      if (!explicit.length) return { kind: 'section', title: b.text };
      if (numberedOnly) return { kind: 'subheading', text: b.text };
    }
    return { kind: 'paragraph', text: b.text };
  });
}

function groupSections(headed: Headed[]) {
  const introduction: ContentBlock[] = [];
  const sections: { title: string; blocks: ContentBlock[] }[] = [];
  for (const h of headed) {
    if (h.kind === 'section') sections.push({ title: h.title, blocks: [] });
    else (sections.length ? sections[sections.length - 1]!.blocks : introduction).push(h);
  }
  return { introduction, sections };
}

function keyPointsOf(blocks: ContentBlock[]): string[] {
  const items = blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
  if (items.length) return items;
  return blocks
    .filter((b): b is Extract<ContentBlock, { kind: 'paragraph' }> => b.kind === 'paragraph')
    .map((b) => splitSentences(b.text)[0])
    .filter((s): s is string => Boolean(s))
    .slice(0, 3);
}

function splitByLength(blocks: ContentBlock[]): Section[] {
  const sections: Section[] = [];
  let current: ContentBlock[] = [];
  let words = 0;
  const close = () => {
    if (!current.length) return;
    const first = current.find((b) => b.kind === 'paragraph');
    const opening = first?.kind === 'paragraph' ? first.text.split(/\s+/).slice(0, 6).join(' ') : '';
    const title = `Part ${sections.length + 1}${opening ? `: ${opening.replace(/[.,;:!?]+$/, '')}…` : ''}`;
    sections.push({ title, slug: '', blocks: current, keyPoints: keyPointsOf(current) });
    current = [];
    words = 0;
  };
  for (const b of blocks) {
    current.push(b);
    words += wordCount(blockText(b));
    if (words >= WORDS_PER_GENERATED_LESSON) close();
  }
  close();
  return sections;
}

function assignSlugs(sections: Section[]) {
  const seen = new Map<string, number>();
  for (const s of sections) {
    const base = slugify(s.title, 48);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    s.slug = n === 1 ? base : `${base}-${n}`;
  }
}

/** The sentences of paragraphs, quotes and list items (not headings or table cells), in order. */
export function sentencesOf(blocks: ContentBlock[]): string[] {
  return blocks.flatMap((b) =>
    b.kind === 'paragraph' || b.kind === 'quote' ? splitSentences(b.text) : b.kind === 'list' ? b.items.flatMap(splitSentences) : [],
  );
}

function blockText(b: RawBlock | ContentBlock): string {
  switch (b.kind) {
    case 'list':
      return b.items.join(' ');
    case 'table':
      return [b.header, ...b.rows].flat().join(' ');
    default:
      return b.text;
  }
}

function lastSentence(text: string): string {
  const all = splitSentences(text);
  return all[all.length - 1] ?? text;
}

/**
 * "In conclusion, X" → "X": a short opening phrase before a comma that starts with a preposition
 * or an adverb and has no subject of its own. A rule of English, not a list of one article's phrases.
 */
function stripLeadIn(sentence: string): string {
  const m = /^([^,]{2,40}),\s+(?=\S)/.exec(sentence);
  if (!m || m[1]!.split(/\s+/).length > 5) return sentence;
  const first = (nlp(m[1]!).terms().json()[0] as { terms: { tags: string[] }[] } | undefined)?.terms[0]?.tags ?? [];
  if (!first.some((t) => t === 'Preposition' || t === 'Adverb' || t === 'Conjunction')) return sentence;
  const stripped = sentence.slice(m[0].length);
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}
