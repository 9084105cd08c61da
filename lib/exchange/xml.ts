/**
 * Writing XML by hand, safely: every text and attribute goes through these. Characters XML 1.0
 * forbids (C0 controls other than tab, line feed and carriage return; lone surrogates; U+FFFE and
 * U+FFFF) cannot even be written as character references, so they are removed: with one of them in
 * it the document is not well formed and Moodle or a QTI player refuses the whole file.
 */

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * An intro's paragraphs as XML exports write them: split at blank lines, without the characters XML
 * forbids, whitespace squashed, empty ones dropped.
 */
export function introParagraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((para) => xmlSafe(para).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The text without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/**
 * Element content: markup characters escaped. Line-break characters other than the line feed go as
 * references: parsers turn a carriage return (and, reading XML 1.1's rules, U+0085 and U+2028) into a line feed.
 */
export function xmlText(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\u0085\u2028]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An attribute value in double quotes: tabs and line breaks as references, or parsers turn them into spaces. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** A number as XML Schema's decimal and float read it: plain decimals, never exponent notation. */
export function xmlNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}
