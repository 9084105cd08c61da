import nlp from 'compromise';
import { singleChoice, streamFor, type Candidate, type FamilyContext } from './candidate';
import { isClaim, sentenceFeatures } from './sentence-features';

/**
 * Figures read together rather than recalled one at a time: the article gives a measure's value at
 * two points ("rose from 18% of kiln energy in 2019 to 52% in 2024"), and the learner judges the size
 * of the change. The key is computed from the article's own numbers, so it cannot be wrong when the
 * two numbers are read right; changes that sit near the edge of a band are not asked.
 */

/** Bands of the ratio new/old, worded without numbers so no option is a cue, in increasing order. */
const BANDS: { upTo: number; label: string }[] = [
  { upTo: 0.5, label: 'Fell by more than half' },
  { upTo: 0.8, label: 'Fell by between a fifth and a half' },
  { upTo: 0.97, label: 'Fell by less than a fifth' },
  { upTo: 1.03, label: 'Stayed about the same' },
  { upTo: 1.2, label: 'Rose by less than a fifth' },
  { upTo: 1.5, label: 'Rose by between a fifth and a half' },
  { upTo: 2, label: 'Rose by more than half, but did not double' },
  { upTo: 3, label: 'Grew to between two and three times the earlier level' },
  { upTo: Infinity, label: 'Grew to more than three times the earlier level' },
];
/**
 * Shares change in percentage points: "rose by a fifth" would be ambiguous for 61% → 96% (a 57%
 * rise, or 35 points?), so a share's bands name the points outright.
 */
const POINT_BANDS: { upTo: number; label: string }[] = [
  { upTo: -20, label: 'Fell by more than 20 percentage points' },
  { upTo: -10, label: 'Fell by between 10 and 20 percentage points' },
  { upTo: -2, label: 'Fell by between 2 and 10 percentage points' },
  { upTo: 2, label: 'Stayed within 2 percentage points of its level' },
  { upTo: 10, label: 'Rose by between 2 and 10 percentage points' },
  { upTo: 20, label: 'Rose by between 10 and 20 percentage points' },
  { upTo: Infinity, label: 'Rose by more than 20 percentage points' },
];
const POINT_MARGIN = 1;

/** A ratio this close (in log terms) to a band's edge is left out: a learner's rounding could cross it. */
const EDGE_MARGIN = 0.04;

const APPROX = String.raw`(?:(?:about|around|roughly|nearly|almost|some|over|under|more than|less than|just over|just under|close to)\s+)?`;
const NUMBER = String.raw`([$€£¥]|A\$|US\$)?(\d[\d,]*(?:\.\d+)?)\s?(%|percent\b|per cent\b|million\b|billion\b|bn\b|m\b|k\b|thousand\b)?`;
const INTRANSITIVE = 'rose|grew|increased|climbed|jumped|fell|dropped|declined|decreased|shrank|slipped|slid|improved|recovered';
const TRANSITIVE = 'cut|raised|reduced|increased|grew|lifted|lowered|boosted|trimmed|expanded|brought';
/** "X rose from A to B" (subject before the verb) or "… cut X from A to B" (object after it). */
const CHANGE = new RegExp(
  String.raw`\b(?:(${INTRANSITIVE})|(${TRANSITIVE})\s+([^,;:()]{3,70}?))\s+from\s+` +
    APPROX +
    NUMBER +
    String.raw`([^,;:()]{0,40}?)\s+to\s+` +
    APPROX +
    NUMBER +
    // The number's own optional space may already have taken the one before "in 2018".
    String.raw`((?:\s*(?<=\s)(?:in|by)\s+(?:(?:the\s+end\s+of|early|late|mid-?)\s+)?(?:19|20)\d{2})?)`,
  'i',
);
const YEAR_IN = /\b(?:in|by)\s+(?:(?:the\s+end\s+of|early|late|mid-?)\s+)?((?:19|20)\d{2})\b/;
const FALLING = /^(?:fell|dropped|declined|decreased|shrank|slipped|slid)$/i;
/** Written scales of an amount: "€4.2 million", "$1.3bn". */
export const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, billion: 1e9, bn: 1e9 };

interface Change {
  subject: string;
  from: number;
  to: number;
  percent: boolean;
  fromYear?: string;
  toYear?: string;
  /** "of kiln energy": what a share is a share of. */
  base?: string;
}

/** Reads "X rose from A to B" in one sentence, when both figures are the same kind of quantity. */
export function changeIn(sentence: string, mainSubject: string | null): Change | null {
  const m = CHANGE.exec(sentence);
  if (!m) return null;
  const [, intransitive, transitive, object, cur1, num1, unit1, between, cur2, num2, unit2, after] = m;
  const verb = intransitive ?? transitive!;
  const u1 = (unit1 ?? '').toLowerCase();
  const u2 = (unit2 ?? '').toLowerCase() || u1;
  const percent = /%|percent|per cent/.test(u1) || /%|percent|per cent/.test(u2);
  if (percent && !(/%|percent|per cent/.test(u1) && /%|percent|per cent/.test(u2))) return null;
  if ((cur1 || cur2) && cur2 && cur1 !== cur2) return null;
  const from = Number(num1!.replace(/,/g, '')) * (SCALE[u1] ?? 1);
  const to = Number(num2!.replace(/,/g, '')) * (SCALE[u2] ?? 1);
  if (!(from > 0) || !(to > 0) || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  // The text says the figure fell: the numbers must agree, or the sentence is not read right.
  if (intransitive ? FALLING.test(verb) !== to < from : /^(?:cut|reduced|lowered|trimmed)$/i.test(verb) !== to < from) return null;
  // "its" is the nearest name before the verb ("Northgate grew its share …"), else the case's subject.
  // A currency written before its number ("KSh 410 million") is not an owner.
  const named = nlp(sentence.slice(0, m.index))
    .match('#ProperNoun+')
    .last()
    .text()
    .replace(/['’]s$/, '');
  const escaped = named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const isUnit = named !== '' && new RegExp(`(?<![\\p{L}])${escaped}\\s?\\d`, 'u').test(sentence);
  const owner = named && !isUnit ? named : mainSubject;
  const apostrophe = sentence.includes('’') || !sentence.includes("'") ? '’' : "'";
  const possessive = owner ? `${owner}${apostrophe}s` : null;
  const phrase = intransitive ? subjectBefore(sentence.slice(0, m.index), possessive) : measurePhrase(object!.trim(), possessive);
  // Lower-case a sentence-initial common word ("Alternative fuels"), never a name.
  const subject =
    phrase &&
    sentence.startsWith(phrase) &&
    /^\p{Lu}\p{Ll}/u.test(phrase) &&
    !nlp(sentence).terms().first().has('#ProperNoun') &&
    // "Ashgrove's unit volume": a possessive opening names an owner, and a name keeps its capital.
    !/^[\p{L}-]+['’]s\b/u.test(phrase) &&
    !(mainSubject && phrase.startsWith(mainSubject))
      ? phrase.charAt(0).toLowerCase() + phrase.slice(1)
      : phrase;
  if (!subject) return null;
  let fromYear = YEAR_IN.exec(between ?? '')?.[1];
  let toYear = YEAR_IN.exec(after ?? '')?.[1];
  let base = (between ?? '').replace(YEAR_IN, '').trim();
  const rest = sentence.slice(m.index + m[0].length);
  // "from 12 kilowatt hours to 9 kilowatt hours": the same unit after both numbers is a unit.
  if (base && !percent && !unit1 && rest.trimStart().startsWith(base) && /^[\p{L}\s-]{2,30}$/u.test(base)) {
    const span = /^\s*between\s+((?:19|20)\d{2})\s+and\s+((?:19|20)\d{2})\b/.exec(rest.trimStart().slice(base.length));
    if (span && !fromYear && !toYear) [fromYear, toYear] = [span[1], span[2]];
    base = '';
  }
  if (base && !(percent && /^of\s+[\p{L}\s-]{3,30}$/u.test(base))) return null;
  // Without a year the question has no period, and the article may give the measure for others.
  if (!fromYear && !toYear) {
    const year = /\b(?:in|by|during)\s+((?:19|20)\d{2})\b/.exec(sentence)?.[1];
    if (!year) return null;
    toYear = year;
  }
  return { subject, from, to, percent, fromYear, toYear, base: base || undefined };
}

/** The noun phrase right before the verb: "Alternative fuels", "its export share", "the plant's output". */
function subjectBefore(text: string, owner: string | null): string | null {
  const clause = text
    .split(/[,;:]|\b(?:and|while|but|as|when|after|before|which|that|because|so)\b/i)
    .at(-1)!
    .trim()
    .replace(/^(?:meanwhile|then|also|still)\s+/i, '');
  return measurePhrase(clause, owner);
}

/** A short noun phrase naming a measure, with "its"/"their" read as the article's main subject. */
function measurePhrase(clause: string, owner: string | null): string | null {
  const words = clause.split(/\s+/).filter(Boolean);
  if (words.length < 1 || words.length > 10) return null;
  let phrase = clause;
  if (/^(?:it|they|this|that|these|those|he|she|we|you|i)\b/i.test(phrase)) return null;
  const doc = nlp(phrase);
  // Prepositions may qualify the measure ("share of admissions in its core market"); verbs may not.
  // A present-tense form after a noun is a compound ("energy use", "water cost"), not a clause.
  if (doc.has('#Verb') && !doc.has('#Noun')) return null;
  if (doc.has('(#PastTense|#Modal|#Copula|#Auxiliary)') || doc.terms().first().has('#Verb')) return null;
  if (/\b(?:this|that|these|those|he|she|they|them|we|you)\b/i.test(phrase)) return null;
  // "Northvale's share … in its core market" keeps its "its"; otherwise "its" becomes the owner's name.
  if (!(owner && phrase.includes(owner.replace(/['’]s$/, '')))) phrase = phrase.replace(/\b(?:its|their)\b/gi, (w) => owner ?? w);
  if (/\b(?:its|their)\b/i.test(phrase) && !(owner && phrase.includes(owner.replace(/['’]s$/, '')))) return null;
  if (!doc.has('#Noun')) return null;
  return phrase;
}

function bandOf(change: Change): { bands: typeof BANDS; index: number; still: number } | null {
  if (change.percent) {
    const d = change.to - change.from;
    const i = POINT_BANDS.findIndex((b) => d < b.upTo);
    const edges = [POINT_BANDS[i - 1]?.upTo, POINT_BANDS[i]!.upTo].filter((e): e is number => e !== undefined && Number.isFinite(e));
    return edges.some((e) => Math.abs(d - e) < POINT_MARGIN) ? null : { bands: POINT_BANDS, index: i, still: 3 };
  }
  const ratio = change.to / change.from;
  const i = BANDS.findIndex((b) => ratio < b.upTo);
  const edges = [BANDS[i - 1]?.upTo, BANDS[i]!.upTo].filter((e): e is number => e !== undefined && Number.isFinite(e));
  return edges.some((e) => Math.abs(Math.log(ratio / e)) < EDGE_MARGIN) ? null : { bands: BANDS, index: i, still: 3 };
}

function difference(change: Change): string {
  if (change.percent) {
    const d = Math.round((change.to - change.from) * 10) / 10;
    return `${Math.abs(d)} percentage points ${d >= 0 ? 'more' : 'less'}`;
  }
  const ratio = change.to / change.from;
  return ratio >= 1 ? `${Math.round((ratio - 1) * 100)}% more` : `${Math.round((1 - ratio) * 100)}% less`;
}

const formatNumber = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(Math.round(n * 100) / 100));

// Measures a business case reports year by year. General business English, not one article's words.
const MEASURE =
  '(?:annual |total |net |operating |pre-tax |gross )?(?:revenue|revenues|sales|turnover|profit|profits|net income|earnings|operating loss|net loss|loss|market share|share of the market|headcount|workforce)';
const LEVEL = new RegExp(
  String.raw`\b(${MEASURE})\s+(?:of|reached|hit|was|were|stood at|totalled|totaled|came to|fell to|rose to|climbed to|grew to|dropped to|recovered to|slipped to|slid to|peaked at)\s+` +
    APPROX +
    NUMBER,
  'gi',
);
const SENTENCE_YEAR = /\b(?:19|20)\d{2}\b/g;

interface Level {
  measure: string;
  value: number;
  kind: string;
  year: number;
  sentence: string;
  section: number;
}

/** "revenue of €610 million" in a sentence that names exactly one year and one level of that measure. */
function levelsIn(sentence: string, section: number): Level[] {
  const years = [...new Set(sentence.match(SENTENCE_YEAR) ?? [])];
  if (years.length !== 1) return [];
  const found = [...sentence.matchAll(LEVEL)];
  if (found.length !== 1) return [];
  const [, measure, currency, num, unit] = found[0]!;
  const u = (unit ?? '').toLowerCase();
  const percent = /%|percent|per cent/.test(u);
  if (/share/i.test(measure!) !== percent) return [];
  const value = Number(num!.replace(/,/g, '')) * (SCALE[u] ?? 1);
  if (!(value > 0) || !Number.isFinite(value)) return [];
  // A level measured against another company ("Baltcem's revenue") is not the case's own.
  const before = sentence.slice(0, found[0]!.index);
  if (/\p{Lu}\p{L}+['’]s\s*$/u.test(before.trim() + ' ') && !/\b(?:its|their|the company['’]s|the group['’]s)\s*$/i.test(before)) return [];
  return [
    {
      measure: measure!
        .toLowerCase()
        .replace(/s$/, '')
        .replace(/^(?:annual|total) /, ''),
      value,
      kind: percent ? '%' : currency || 'n',
      year: Number(years[0]),
      sentence,
      section,
    },
  ];
}

/** Every dated level of a measure in the article, once per article. */
const levelCache = new WeakMap<object, Level[]>();
function levelsOf(ctx: FamilyContext): Level[] {
  let levels = levelCache.get(ctx.analysis);
  if (!levels) {
    levels = ctx.analysis.all.flatMap((s) => {
      const f = sentenceFeatures(s.text);
      return isClaim(f) && !f.hedged && !f.forecast ? levelsIn(s.text, s.section) : [];
    });
    levelCache.set(ctx.analysis, levels);
  }
  return levels;
}

/**
 * The same measure given in two sentences for two years ("revenue of €610 million" in 2018, "revenue
 * reached €684 million in 2024"): how did it change? Asked in the lesson of the later figure, so the
 * learner connects two parts of the case.
 */
function levelChanges(ctx: FamilyContext): { change: Change; sources: string[] }[] {
  const levels = levelsOf(ctx);
  const out: { change: Change; sources: string[] }[] = [];
  for (const later of levels.filter((l) => l.section === ctx.sectionIndex)) {
    const same = levels.filter((l) => l.measure === later.measure && l.kind === later.kind);
    // One value per year, or the article is comparing several things.
    if (same.filter((l) => l.year === later.year).length !== 1) continue;
    const earlier = same.filter((l) => l.year < later.year && l.sentence !== later.sentence).sort((a, b) => a.year - b.year)[0];
    if (!earlier || same.filter((l) => l.year === earlier.year).length !== 1) continue;
    // "Brenner’s revenue" misnames "Brenner & Lutz": when the subject is part of a longer name, "the company’s".
    const apostrophe = later.sentence.includes("'") && !later.sentence.includes('’') ? "'" : '’';
    const owner = ctx.subject === null ? null : partOfLongerName(ctx.subject, ctx.analysis.all) ? 'the company' : ctx.subject;
    const subject = owner ? `${owner}${apostrophe}s ${later.measure}` : later.measure;
    out.push({
      change: {
        subject,
        from: earlier.value,
        to: later.value,
        percent: later.kind === '%',
        fromYear: String(earlier.year),
        toYear: String(later.year),
      },
      sources: [earlier.sentence, later.sentence],
    });
  }
  return out;
}

/**
 * Sentences whose figure is one end of a change asked across lessons: recalling that figure alone
 * is the trivia the change question replaces.
 */
export function figuresReadAsChange(ctx: FamilyContext): Set<string> {
  const levels = levelsOf(ctx);
  const out = new Set<string>();
  for (const l of levels) {
    const same = levels.filter((o) => o.measure === l.measure && o.kind === l.kind);
    if (new Set(same.map((o) => o.year)).size >= 2 && same.filter((o) => o.year === l.year).length === 1) out.add(l.sentence);
  }
  return out;
}

/** "Brenner" in an article about "Brenner & Lutz" or "Brenner and Sons". */
export function partOfLongerName(name: string, sentences: { text: string }[]): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const longer = new RegExp(`${escaped}\\s+(?:&|and)\\s+\\p{Lu}|\\p{Lu}\\p{Ll}+\\s+(?:&|and)\\s+${escaped}`, 'u');
  return sentences.some((s) => longer.test(s.text));
}

/** "How did X change between 2019 and 2024?" Key: the band of the article's own two figures. */
export function changeCandidates(ctx: FamilyContext): Candidate[] {
  const sentences = ctx.analysis.sections[ctx.sectionIndex]?.sentences ?? [];
  const within = sentences.flatMap((s) => {
    const f = sentenceFeatures(s.text);
    if (!isClaim(f) || f.hedged || f.forecast) return [];
    const change = changeIn(s.text, ctx.subject);
    return change ? [{ change, sources: [s.text] }] : [];
  });
  return [...within, ...levelChanges(ctx)].flatMap(({ change, sources }): Candidate[] => {
    const s = { text: sources.join(' … ') };
    const band = bandOf(change);
    if (band === null) return [];
    const { bands, index: key, still } = band;
    const rng = streamFor('change', s.text);
    // Bands next to the key first (a careful reading tells them apart), then others in the same
    // direction; the other direction only when nothing else is left (blind review v5b: two "rose"
    // options when revenue fell were "implausible", one of them "absurd").
    const others = bands.map((_, i) => i).filter((i) => i !== key);
    const near = rng.shuffle(others.filter((i) => Math.abs(i - key) === 1));
    const sameWay = rng.shuffle(others.filter((i) => i !== still && i < still === key < still && Math.abs(i - key) > 1));
    const rest = rng.shuffle(others.filter((i) => Math.abs(i - key) > 1));
    const picked: number[] = [];
    for (const i of [...near, ...sameWay, ...(key === still ? [] : [still]), ...rest])
      if (i !== undefined && !picked.includes(i) && picked.length < 3) picked.push(i);
    const span =
      change.fromYear && change.toYear ? ` between ${change.fromYear} and ${change.toYear}` : change.toYear ? ` by ${change.toYear}` : '';
    const base = change.base ? ` (as a share ${change.base})` : '';
    const stem = `According to the article, how did ${change.subject}${base} change${span}?`;
    const unit = change.percent ? '%' : '';
    return singleChoice({
      family: 'change',
      level: 'apply',
      rng,
      stem,
      key: bands[key]!.label + '.',
      distractors: picked.map((i) => bands[i]!.label + '.'),
      explain: (tempting) =>
        `The article gives both figures: “${s.text}” From ${formatNumber(change.from)}${unit} to ${formatNumber(change.to)}${unit} ` +
        `is ${difference(change)}, so it ${bands[key]!.label.charAt(0).toLowerCase() + bands[key]!.label.slice(1)}. ` +
        `“${tempting}” does not fit those two numbers.`,
      source: s.text,
      score: sources.length > 1 ? 0.8 : 0.78,
    }).map((c) => ({ ...c, sources }));
  });
}
