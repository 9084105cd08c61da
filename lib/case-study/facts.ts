import type { Fact, FactKind } from './types';

const MONEY = /[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:thousand|million|billion|trillion|[kKmMbB]n?)\b)?/g;
const PERCENT = /\b\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b)/g;
const YEAR = /(?<![$€£¥\d.,])\b(?:19|20)\d{2}\b(?![\d%]|\s?percent)/g;
const COUNT = /(?<![$€£¥\d.,])\b\d[\d,]*(?:\.\d+)?(?:\s(?:thousand|million|billion|trillion))?\b(?!\s?(?:%|percent))/g;

const NOT_ENTITIES = new Set([
  // Function words and general business abbreviations: capitalised, but never names.
  'I',
  'AI',
  'ML',
  'IPO',
  'IPOs',
  'CEO',
  'CFO',
  'COO',
  'CTO',
  'R&D',
  'OK',
  'TV',
  'PR',
  'Okay',
  'Whether',
  'Of',
  'From',
  'For',
  'In',
  'If',
  'It',
  'This',
  'That',
  'They',
  'Their',
  'The',
  'A',
  'An',
  'But',
  'And',
  'So',
  'Here',
  'What',
  'How',
  'Why',
  'When',
  'Who',
  'We',
  'You',
  'Your',
  'Our',
  'My',
  'One',
  'Another',
  'First',
  'Instead',
  'Well',
  'Yes',
  'No',
  'Of course',
  'According',
  'By',
  'With',
  'As',
  'To',
  'At',
  'On',
  'After',
  'Before',
  'Even',
  'Just',
  'Let',
  'Now',
  'Then',
  // Currency codes are units, not names.
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'RMB',
  'NOK',
  'SEK',
  'DKK',
  'CHF',
  'CAD',
  'AUD',
  'INR',
]);
const CONNECTORS = new Set(['of', 'de']);

/** Capitalised names (companies, people, products, places) in a sentence, possessives removed. */
function findEntities(sentence: string, knownMidSentence?: Set<string>): string[] {
  const tokens = [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&'’.-]*/gu)];
  const out: string[] = [];
  let run: { words: string[]; start: number } | null = null;
  const endRun = () => {
    if (!run) return;
    const before = sentence.slice(0, run.start).trim();
    const atStart = !before || /[“"‘'(:—–]$/.test(before);
    // A capital at the start of a sentence proves nothing unless the word is capitalised elsewhere too.
    if (atStart && run.words.length > 1 && !knownMidSentence?.has(run.words[0]!)) run.words.shift();
    while (run.words.length && (CONNECTORS.has(run.words.at(-1)!) || run.words.at(-1) === 'AI')) run.words.pop();
    const name = run.words
      .join(' ')
      .replace(/[’']s$/u, '')
      .replace(/\.$/, '');
    const firstWord = run.words[0] ?? '';
    const trusted = !atStart || run.words.length > 1 || knownMidSentence?.has(name);
    if (name && trusted && !NOT_ENTITIES.has(name) && !NOT_ENTITIES.has(firstWord) && /\p{L}/u.test(name)) {
      out.push(name);
    }
    run = null;
  };
  let previousEnd = 0;
  for (const t of tokens) {
    const word = t[0];
    // Punctuation between two words ("Solberg: Argued", "Ma, Alibaba") ends a name; an ampersand between
    // two capitalised words joins them ("Oakes & Lindley Tree Care").
    const gap = sentence.slice(previousEnd, t.index);
    if (run && /^\s+&\s+$/.test(gap) && /^\p{Lu}/u.test(word)) run.words.push('&');
    else if (run && /[^\s]/.test(gap)) endRun();
    previousEnd = t.index + word.length;
    const capital = /^\p{Lu}/u.test(word) && !NOT_ENTITIES.has(word.split('-')[0]!);
    if (capital) {
      if (!run) run = { words: [], start: t.index };
      run.words.push(word);
      if (/[’']s$/u.test(word)) endRun();
    } else if (run && CONNECTORS.has(word) && run.words.length > 0) {
      run.words.push(word);
    } else {
      endRun();
    }
  }
  endRun();
  return [...new Set(out)];
}

/** Every fact in one sentence, in the order the patterns are tried. */
export function factsInSentence(sentence: string, section: number, known?: Set<string>): Fact[] {
  const facts: Fact[] = [];
  const taken: [number, number][] = [];
  const add = (kind: FactKind, re: RegExp) => {
    for (const m of sentence.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      facts.push({ kind, text: m[0].trim(), sentence, section });
    }
  };
  add('money', MONEY);
  add('percent', PERCENT);
  add('year', YEAR);
  add('count', COUNT);
  for (const name of findEntities(sentence, known)) facts.push({ kind: 'entity', text: name, sentence, section });
  return facts;
}

/** Names seen capitalised somewhere other than the start of a sentence. */
export function midSentenceNames(sentences: string[]): Set<string> {
  const names = new Set<string>();
  for (const s of sentences) {
    for (const m of s.matchAll(/(?<=[\p{L}\p{N},)’'”]\s)(\p{Lu}[\p{L}\p{N}&-]*)/gu)) names.add(m[1]!.replace(/[’']s$/u, ''));
  }
  return names;
}
