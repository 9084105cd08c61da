const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'inc',
  'ltd',
  'co',
  'corp',
  'jr',
  'sr',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'no',
  'fig',
  'approx',
  'dept',
  'est',
]);

/**
 * Splits a paragraph into sentences, each a verbatim substring of the input. Ends at . ! ? (and
 * closing quotes) followed by a space and an upper-case letter, digit or opening quote.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  // A sentence opens on a capital, a digit or a currency sign ("€22 million for the equity.").
  const boundary = /([.!?]+["'”’)\]]*)\s+(?=["'“‘(\[]?[\p{Lu}\p{N}\p{Sc}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[1]!.length;
    const candidate = text.slice(start, end);
    const lastWord = /([\p{L}.]+)\.$/u.exec(candidate)?.[1]?.toLowerCase();
    if (lastWord && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
    pushTrimmed(out, candidate);
    start = match.index + match[0].length;
  }
  pushTrimmed(out, text.slice(start));
  return out;
}

function pushTrimmed(out: string[], s: string) {
  const t = s.trim();
  if (t) out.push(t);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function slugify(text: string, maxLength = 60): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= maxLength) return base || 'untitled';
  const cut = base.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut) || 'untitled';
}
