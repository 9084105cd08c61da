import { looksLikeMarkdown, markdownBlocks } from './markdown-blocks';

/**
 * First pass of the parser: turns raw text (Markdown or text pasted from a web page) into a flat
 * sequence of headings, paragraphs and lists. Knows nothing about sections or takeaways.
 */
export type RawBlock =
  /** explicit: marked up as a heading (Markdown, an underline); a report's numbered line is not. */
  | { kind: 'heading'; level: number; text: string; explicit: boolean }
  | { kind: 'paragraph'; text: string; lines: string[] }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'quote'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const BULLET = /^\s*[•·▪◦‣*+\-–]\s+(.+)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.+)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const TABLE_ROW = /^\s{0,3}\|?.*\|.*$/;
const TABLE_DIVIDER = /^\s{0,3}\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

function tableCells(line: string): string[] {
  const trimmed = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((c) => cleanInline(c.replace(/\\\|/g, '|')));
}

/**
 * A table pasted from a web page as columns lined up with spaces ("Year    Revenue   Gross margin", then
 * "2019    €3.15m    42%"): a header and two rows or more, each cut into the same number of short cells
 * (three or more) at runs of two spaces, every row with a figure in it. Returns the last line it takes.
 */
function alignedTable(lines: string[], start: number): { header: string[]; rows: string[][]; end: number } | null {
  const cells = (line: string) => line.trim().split(/\s{2,}/);
  const header = cells(lines[start] ?? '');
  // A cell is no sentence: "Margins held." with two spaces after it is prose.
  const fits = (row: string[]) => row.length === header.length && row.every((c) => c.length > 0 && c.length <= 40 && !/[.!?;:,]$/.test(c));
  if (header.length < 3 || !fits(header) || BULLET.test(lines[start]!) || NUMBERED.test(lines[start]!)) return null;
  const rows: string[][] = [];
  let end = start;
  while (end + 1 < lines.length && lines[end + 1]!.trim()) {
    const row = cells(lines[end + 1]!);
    if (!fits(row) || !/\d/.test(row.join(' '))) break;
    rows.push(row.map((c) => cleanInline(c)));
    end++;
  }
  if (rows.length < 2) return null;
  return { header: header.map((c) => cleanInline(c)), rows, end };
}

function normalizeText(input: string): string {
  return input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\t/g, '    ')
    .replace(/[\u200B\u200C\u200D\u2060]/g, '');
}

export function toBlocks(text: string): RawBlock[] {
  const normalized = normalizeText(text);
  if (looksLikeMarkdown(normalized)) return markdownBlocks(normalized);
  return pastedTextBlocks(normalized);
}

/** Text pasted from a web page: "•" bullets, headings as short lines standing alone. */
function pastedTextBlocks(normalized: string): RawBlock[] {
  const lines = normalized.split('\n');
  const numberedHeadings = numberedHeadingLines(lines);
  // Paragraphs pasted each on one long line: a line break inside a block is no wrap but a new block.
  const unwrapped = lines.some((l) => l.length > 160);
  const blocks: RawBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let quote: string[] = [];

  const flush = () => {
    if (paragraph.length) {
      blocks.push({ kind: 'paragraph', text: paragraph.join(' '), lines: paragraph });
      paragraph = [];
    }
    if (list) {
      blocks.push({ kind: 'list', ...list });
      list = null;
    }
    if (quote.length) {
      blocks.push({ kind: 'quote', text: quote.join(' ') });
      quote = [];
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    if (!trimmed) {
      // A page often leaves a blank line between its bullets: the list goes on when the next line is
      // another item of the same kind.
      const following = lines.slice(i + 1).find((l) => l.trim());
      const continues =
        list !== null && following !== undefined && (BULLET.test(following) ? !list.ordered : NUMBERED.test(following) && list.ordered);
      if (!continues) flush();
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      flush();
      blocks.push({ kind: 'heading', level: atx[1]!.length, text: cleanInline(atx[2]!), explicit: true });
      continue;
    }
    const next = lines[i + 1] ?? '';
    if (TABLE_ROW.test(line) && TABLE_DIVIDER.test(next) && next.includes('|')) {
      flush();
      const header = tableCells(line);
      const rows: string[][] = [];
      i++;
      while (i + 1 < lines.length && TABLE_ROW.test(lines[i + 1]!) && lines[i + 1]!.trim()) {
        i++;
        const cells = tableCells(lines[i]!);
        rows.push(header.map((_, c) => cells[c] ?? ''));
      }
      blocks.push({ kind: 'table', header, rows });
      continue;
    }
    const aligned = alignedTable(lines, i);
    if (aligned) {
      flush();
      blocks.push({ kind: 'table', header: aligned.header, rows: aligned.rows });
      i = aligned.end;
      continue;
    }
    if (paragraph.length === 0 && !list && SETEXT_UNDERLINE.test(next) && !BULLET.test(line)) {
      flush();
      blocks.push({ kind: 'heading', level: next.trim().startsWith('=') ? 1 : 2, text: cleanInline(trimmed), explicit: true });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      flush();
      continue;
    }
    const quoted = QUOTE.exec(line);
    if (quoted) {
      if (paragraph.length || list) flush();
      if (quoted[1]!.trim()) quote.push(cleanInline(quoted[1]!));
      continue;
    }
    if (quote.length) flush();
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (numberedHeadings.has(i)) {
      flush();
      blocks.push({ kind: 'heading', level: 2, text: cleanInline(numbered![1]!), explicit: false });
      continue;
    }
    if (bullet || numbered) {
      const ordered = Boolean(numbered);
      if (paragraph.length) flush();
      if (list && list.ordered !== ordered) flush();
      if (!list) list = { ordered, items: [] };
      list.items.push(cleanInline((bullet ?? numbered)![1]!));
      continue;
    }
    if (list && /^\s{2,}/.test(line) && list.items.length) {
      // An indented line under a list item continues that item.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last]} ${cleanInline(trimmed)}`;
      continue;
    }
    if (list) flush();
    // A heading pasted straight above its paragraph, with no blank line between them, stands alone.
    const atStart = paragraph.length === 0 || SENTENCE_END.test(paragraph[paragraph.length - 1]!);
    if (atStart && headingAbove(trimmed, next.trim(), unwrapped)) {
      flush();
      blocks.push({ kind: 'paragraph', text: cleanInline(trimmed), lines: [cleanInline(trimmed)] });
      continue;
    }
    paragraph.push(cleanInline(trimmed));
  }
  flush();
  return blocks;
}

const SENTENCE_END = /[.!?…:]["'”’)\]]*$/;

/**
 * A line that reads as a heading in pasted text: short, opening on a capital or a figure, and not
 * ending or breaking like a sentence (a closing quote after the full stop counts as its end). A
 * question may be a heading ("What went wrong?"), unless it closes a quotation.
 */
export function headingLike(line: string): boolean {
  return (
    line.length <= 100 &&
    line.split(/\s+/).length <= 14 &&
    // "Revenue | $58.4M | $66.9M": a row of a table pasted without its rule.
    !line.includes('|') &&
    /^[\p{Lu}\p{N}“"‘']/u.test(line) &&
    !/[.,;:!…]["'”’)\]]*$/.test(line) &&
    !/\?["'”’]$/.test(line) &&
    !/[.!?]["'”’)\]]*\s+["“‘(]?\p{Lu}/u.test(line)
  );
}

/**
 * The numbered headings of a report ("3. Financial and operating history"): numbered lines that read
 * as headings, each after a blank line and followed by text rather than another item, two or more of
 * them and numbered upwards. A list whose items stand apart is read as a list, as before.
 */
function numberedHeadingLines(lines: string[]): Set<number> {
  const found: { at: number; n: number; overList: boolean }[] = [];
  for (const [i, line] of lines.entries()) {
    const m = /^\s*(\d{1,3})[.)]\s+(.+)$/.exec(line);
    if (!m || !headingLike(cleanInline(m[2]!)) || (i > 0 && lines[i - 1]!.trim())) continue;
    const following = lines.slice(i + 1).find((l) => l.trim());
    if (following === undefined || NUMBERED.test(following)) continue;
    found.push({ at: i, n: Number(m[1]), overList: BULLET.test(following) });
  }
  const headed = found.filter((f) => !f.overList);
  const upwards = headed.every((f, k) => k === 0 || f.n > headed[k - 1]!.n);
  if (headed.length < 2 || !upwards) return new Set();
  // "7. Lessons" over its bullets: a heading too when it is the next number of the headings around it.
  const accepted = found.filter((f) => {
    if (!f.overList) return true;
    const before = headed.filter((h) => h.at < f.at).at(-1);
    const after = headed.find((h) => h.at > f.at);
    return before !== undefined && f.n === before.n + 1 && (after === undefined || after.n === f.n + 1);
  });
  return new Set(accepted.map((f) => f.at));
}

/**
 * A heading line with its paragraph on the very next line: the line is heading-like and the next
 * opens a sentence at least twice as long and 60 characters or more. A paragraph hard-wrapped at a
 * fixed width has lines of about one length, so its lines never read as headings. In text whose
 * paragraphs each stand on one long line, any shorter next line will do ("The problem" above "Three
 * pressures came together in 2023.").
 */
function headingAbove(line: string, next: string, unwrapped: boolean): boolean {
  return (
    headingLike(line) &&
    (unwrapped || next.length >= Math.max(60, 2 * line.length)) &&
    next.length > line.length &&
    /^["“‘(]?[\p{Lu}\p{N}]/u.test(next) &&
    !BULLET.test(next) &&
    !NUMBERED.test(next)
  );
}

/** Strips Markdown emphasis and links down to their text; leaves everything else verbatim. */
export function cleanInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)(.+?)(?<=\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}
