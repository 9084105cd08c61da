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

/** Words that open a sentence and never follow an initial in a name. General English. */
const SENTENCE_OPENERS =
  /^(?:The|A|An|It|Its|This|That|These|Those|There|In|On|At|By|For|From|With|But|And|So|About|After|Before|When|While|If|He|She|They|We|Our|Their|His|Her|Each|Every|Some|All|Most|Both|Neither|None|Only|Then|Yet|As|Under|Over|Since|Until|Because)$/;

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
    // A single letter is an initial ("J. Smith"), unless a word that opens sentences follows it
    // ("… with Retailer C. About 0.95 million litres remained."): then it was a label, and the sentence ends.
    const next = /^\S+/.exec(text.slice(match.index + match[0].length))?.[0] ?? '';
    const initial = lastWord !== undefined && /^\p{L}$/u.test(lastWord) && !SENTENCE_OPENERS.test(next);
    if (lastWord && (ABBREVIATIONS.has(lastWord) || initial)) continue;
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
