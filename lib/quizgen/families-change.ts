import { escapeRegExp } from './language';
import nlp from 'compromise';
import { lowerCaseWords, singleChoice, streamFor, type Candidate, type FamilyContext } from './candidate';
import { sentencesOf } from '@/lib/case-study/parse';
import { isClaim, sentenceFeatures } from './sentence-features';
import { exactSize, sizeClaim, sizeDirection, sizeOption, sizeOptions, type SizeSlip } from './change-size';

/**
 * Figures read together rather than recalled one at a time: the article gives a measure's value at
 * two points ("rose from 18% of kiln energy in 2019 to 52% in 2024"), and the learner judges the size
 * of the change. The key is computed from the article's own numbers, so it cannot be wrong when the
 * two numbers are read right; changes that sit near the edge of a band are not asked.
 */

const APPROX = String.raw`(?:(?:about|around|roughly|nearly|almost|some|over|under|more than|less than|just over|just under|close to)\s+)?`;
const NUMBER = String.raw`([$€£¥]|(?:A|C|US|NZ|HK|S)\$)?(\d[\d,]*(?:\.\d+)?)\s?(%|percent\b|per cent\b|million\b|billion\b|bn\b|m\b|k\b|thousand\b)?`;
const INTRANSITIVE =
  'rose|risen|grew|grown|increased|climbed|jumped|surged|soared|fell|fallen|dropped|declined|decreased|shrank|shrunk|slipped|slid|dipped|plunged|tumbled|improved|recovered|rebounded';
/** A degree word between the verb and "from" ("has grown only from €22 million"). */
const DEGREE = String.raw`(?:\s+(?:only|just|sharply|steadily|slightly|further|again))?`;
const TRANSITIVE = 'cut|raised|reduced|increased|grew|lifted|lowered|boosted|trimmed|expanded|brought';
/** "X rose from A to B" (subject before the verb) or "… cut X from A to B" (object after it). */
const CHANGE = new RegExp(
  String.raw`\b(?:(${INTRANSITIVE})${DEGREE}|(${TRANSITIVE})\s+([^,;:()]{3,70}?))\s+from\s+` +
    APPROX +
    NUMBER +
    String.raw`([^,;:()]{0,40}?)\s+to\s+` +
    APPROX +
    NUMBER +
    // The number's own optional space may already have taken the one before "in 2018".
    String.raw`((?:\s*(?<=\s)(?:(?:in|by)\s+(?:(?:the\s+end\s+of|early|late|mid-?)\s+)?|at\s+the\s+end\s+of\s+)(?:19|20)\d{2})?)`,
  'i',
);
/** ", a margin of 8.7 per cent,", ", or 4.6% of revenue,": a figure's share, as an aside. */
const SHARE_ASIDE =
  /,\s+(?:(?:a|an)\s+(?:[\p{L}-]+\s+)?margin\s+of|or)\s+(?:about\s+|roughly\s+|just\s+(?:over|under)\s+)?\d[\d.]*\s?(?:%|per\s?cent)(?:\s+of\s+(?:revenue|sales|turnover))?,(?=\s+to\b)/giu;
const YEAR_IN = /\b(?:(?:in|by)\s+(?:(?:the\s+end\s+of|early|late|mid-?)\s+)?|at\s+the\s+end\s+of\s+)((?:19|20)\d{2})\b/;
/**
 * What the first number counts, written once for both ("from 610 customers in 2023 to 1,140",
 * "from €530 a month in 2016 to €580"): a plain noun or a rate, never a prepositional phrase that
 * dates or places the figure ("before the pandemic", "on routes it flew").
 */
const COUNT_UNIT =
  /^(?:(?:a|an|per)\s+)?(?!(?:in|on|at|by|for|before|after|during|over|under|across|than|with|from|of|to|the|its|their|this|that)\b)[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,2}$/u;
const FALLING = /^(?:fell|fallen|dropped|declined|decreased|shrank|shrunk|slipped|slid|dipped|plunged|tumbled)$/i;
/** Written scales of an amount: "€4.2 million", "$1.3bn". */
const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, billion: 1e9, bn: 1e9 };

interface Change {
  subject: string;
  from: number;
  to: number;
  percent: boolean;
  fromYear?: string;
  toYear?: string;
  /** How the stem names the two years when they are financial years: "fiscal 2022 and fiscal 2024". */
  period?: string;
  /** Both figures are a table's: the stem says "From the article’s table". */
  fromTable?: boolean;
  /** A count in a table's column or row ("Events supplied", "Active clients"). */
  tableCount?: boolean;
  /** "of kiln energy": what a share is a share of. */
  base?: string;
}

/** Reads "X rose from A to B" in one sentence, when both figures are the same kind of quantity. */
export function changeIn(text: string, mainSubject: string | null): Change | null {
  // "fallen from £187,000 in 2019, a margin of 8.7 per cent, to £46,000": the figure's share of sales
  // set between commas is an aside.
  const sentence = text.replace(SHARE_ASIDE, '');
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
    .trim()
    .replace(/['’]s$/, '');
  const escaped = escapeRegExp(named);
  const isUnit = named !== '' && new RegExp(`(?<![\\p{L}])${escaped}\\s?\\d`, 'u').test(sentence);
  // "the Company's retread volumes … and its EBITDA": a name the sentence writes after "the" keeps it.
  const writtenWithThe = named !== '' && new RegExp(`\\bthe\\s+${escaped}(?![\\p{L}])`, 'u').test(sentence.slice(0, m.index));
  const owner = named && !isUnit ? (writtenWithThe ? `the ${named}` : named) : mainSubject;
  const apostrophe = sentence.includes('’') || !sentence.includes("'") ? '’' : "'";
  const possessive = owner ? possessiveOf(owner, apostrophe) : null;
  // "Between 2016 and 2018 the average price fell from …": a period fronted before the measure dates both figures.
  const before = sentence.slice(0, m.index);
  const fronted = FRONTED_PERIOD.exec(before);
  const phrase = intransitive
    ? subjectBefore(fronted ? before.replace(FRONTED_PERIOD, ' ') : before, possessive)
    : measurePhrase(object!.trim(), possessive);
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
  if (SERIES_GOES_ON.test(`${after ?? ''}${rest}`.replace(/^\s*in\s+(?:19|20)\d{2}\b/, ''))) return null;
  // "from 12 kilowatt hours to 9 kilowatt hours": the same unit after both numbers is a unit.
  if (base && !percent && !unit1 && rest.trimStart().startsWith(base) && /^[\p{L}\s-]{2,30}$/u.test(base)) {
    const span = /^\s*between\s+((?:19|20)\d{2})\s+and\s+((?:19|20)\d{2})\b/.exec(rest.trimStart().slice(base.length));
    if (span && !fromYear && !toYear) [fromYear, toYear] = [span[1], span[2]];
    base = '';
  }
  if (base && !percent && !unit1 && COUNT_UNIT.test(base)) base = '';
  if (base && !(percent && /^of\s+[\p{L}\s-]{3,30}$/u.test(base))) return null;
  // A year elsewhere in the sentence dates the later figure; without any, the change has no period
  // and is asked only where the article gives the measure nowhere else (changeCandidates).
  if (fronted && !fromYear && !toYear) [fromYear, toYear] = [fronted[1] ?? fronted[3], fronted[2] ?? fronted[4]];
  if (!fromYear && !toYear) toYear = /\b(?:in|by|during)\s+((?:19|20)\d{2})\b/.exec(sentence)?.[1];
  return { subject, from, to, percent, fromYear, toYear, base: base || undefined };
}

const CHANGE_VERB = new RegExp(String.raw`\b(?:${INTRANSITIVE}|${TRANSITIVE})\b`, 'i');
const FRONTED_PERIOD =
  /\b(?:between\s+((?:19|20)\d{2})\s+and\s+((?:19|20)\d{2})|from\s+((?:19|20)\d{2})\s+(?:to|until|through)\s+((?:19|20)\d{2}))\b,?/i;

const NAME = String.raw`\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*`;
/** "Derby and Leicester", "Leeds": what follows a comma in a list of names (the first may follow a later comma). */
const NAMES_LIST_END = new RegExp(String.raw`^\s*${NAME}(?:\s+(?:and|or)\s+${NAME})?\s*$`, 'u');
const NAME_END = new RegExp(String.raw`\s${NAME}\s*$|^\s*${NAME}\s*$`, 'u');
const NAME_ONLY = new RegExp(String.raw`^\s*${NAME}\s*$`, 'u');

/**
 * The last clause of a text: cut at punctuation and at words that open a clause; "and" or "but" cut it
 * only where a clause stands before them ("Sales rose and its margin fell"), not inside a noun phrase
 * ("the mill's electricity and gas bill").
 */
function lastClause(text: string): string {
  // ", and revenue grew": a conjunction after the cut opens the clause and is no part of it.
  const pieces = text.split(/([,;:]|\b(?:while|as|when|after|before|which|that|because|so)\b)/i);
  let last = pieces.at(-1)!;
  // "… businesses in Nottingham, Derby and Leicester": a comma inside a list of names cuts no clause.
  for (let k = pieces.length - 1; k >= 2 && pieces[k - 1] === ',' && NAMES_LIST_END.test(last) && NAME_END.test(pieces[k - 2]!); k -= 2) {
    last = `${pieces[k - 2]},${last}`;
    if (!NAME_ONLY.test(pieces[k - 2]!)) break;
  }
  const piece = last.replace(/^\s*(?:and|but|or|yet|then)\s+/i, ' ');
  const joins = [...piece.matchAll(/\b(?:and|but)\b/gi)];
  for (let i = joins.length - 1; i >= 0; i--) {
    const at = joins[i]!.index!;
    // compromise reads "rose" as a flower: a change verb of our own list is a verb too.
    const left = piece.slice(0, at);
    if (nlp(left).has('#Verb') || CHANGE_VERB.test(left)) return piece.slice(at + joins[i]![0].length);
  }
  return piece;
}

/** The noun phrase right before the verb: "Alternative fuels", "its export share", "the plant's output". */
function subjectBefore(text: string, owner: string | null): string | null {
  const clause = lastClause(text)
    .trim()
    // "In 2022 the mill's bill rose": a year before the measure dates it; it is no part of its name.
    .replace(/^(?:in|by|during|since|at the end of)\s+(?:early\s+|late\s+)?(?:19|20)\d{2},?\s+/i, '')
    .replace(/^(?:meanwhile|then|also|still)\s+/i, '')
    // "revenue has grown", "staffing had fallen": the auxiliary belongs to the verb, not the measure.
    .replace(/\s+(?:has|have|had)$/i, '');
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
  // "Operating profit" opens on a gerund and is a measure all the same.
  if (doc.has('(#PastTense|#Modal|#Copula|#Auxiliary)') || (doc.terms().first().has('#Verb') && !isBusinessMeasure(phrase))) return null;
  if (/\b(?:this|that|these|those|he|she|they|them|we|you)\b/i.test(phrase)) return null;
  // "Northvale's share … in its core market" keeps its "its"; otherwise "its" becomes the owner's name.
  if (!(owner && phrase.includes(owner.replace(/(?:['’]s|['’])$/, '')))) phrase = phrase.replace(/\b(?:its|their)\b/gi, (w) => owner ?? w);
  if (/\b(?:its|their)\b/i.test(phrase) && !(owner && phrase.includes(owner.replace(/['’]s$/, '')))) return null;
  if (!doc.has('#Noun')) return null;
  return phrase;
}

function difference(change: Change): string {
  if (change.percent) {
    const d = Math.round((change.to - change.from) * 10) / 10;
    return `${Math.abs(d)} percentage points ${d >= 0 ? 'more' : 'less'}`;
  }
  const ratio = change.to / change.from;
  if (ratio >= 1.75) return `${Math.round(ratio * 10) / 10} times the first figure`;
  return ratio >= 1 ? `${Math.round((ratio - 1) * 100)}% more` : `${Math.round((1 - ratio) * 100)}% less`;
}

const formatNumber = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(Math.round(n * 100) / 100));

// Measures a business case reports year by year. General business English, not one article's words.
const MEASURE =
  '(?:annual recurring |recurring |annual |total |net |operating |pre-tax |gross |EBITDA |EBIT |profit )?(?:revenue|revenues|sales|turnover|profit|profits|income|earnings|operating loss|net loss|loss|market share|share of the market|headcount|workforce|margin|EBITDA|EBIT|utili[sz]ation|attendance)';
/** Measures given as a percentage of something: a share, a margin, a rate of use. */
const PERCENT_MEASURE = /share|margin|utili[sz]ation/i;
const LEVEL_VERB =
  '(?:more than |nearly |almost )?(?:doubled|tripled|trebled|halved) to|jumped to|soared to|plunged to|of|reached|hit|was|were|stood at|totalled|totaled|came to|fell to|rose to|climbed to|grew to|dropped to|recovered to|slipped to|slid to|peaked at|narrowed to|widened to|improved to|shrank to|increased to|decreased to|declined to|fell back to';
const LEVEL = new RegExp(
  // "revenue of …", "revenue in 2015 was …", "EBITDA had reached …", "Revenue: $48.2 million" (a figure
  // labelled in a list)
  String.raw`\b(${MEASURE})(?:\s+(?:in|for)\s+(?:19|20)\d{2}|\s+(?:that|the\s+same)\s+year|\s+for\s+the\s+year)?(?::\s+|\s+(?:(?:had|has)\s+)?(?:${LEVEL_VERB})\s+)` +
    APPROX +
    NUMBER,
  'gi',
);
const SENTENCE_YEAR = /\b(?:19|20)\d{2}\b/g;
/** "earned $6.8 million in revenue", "posted €2.1 million of operating profit": the amount first. */
const LEVEL_AFTER = new RegExp(
  String.raw`\b(?:earned|generated|posted|booked|recorded|made|brought in)\s+` +
    APPROX +
    NUMBER +
    String.raw`\s+(?:in|of)\s+(${MEASURE})\b`,
  'gi',
);

/** "… and EBITDA to £1.9 million", after a verb of change that the two measures share. */
const LEVEL_GAPPED = new RegExp(String.raw`\band\s+(${MEASURE})\s+(?:to\s+)?` + APPROX + NUMBER, 'gi');
const GAPPED_VERB =
  /\b(?:fell|rose|climbed|grew|dropped|recovered|slipped|slid|narrowed|widened|improved|shrank|increased|decreased|declined|jumped|reached|cut|raised)\s+(?:to\s+)?[$€£¥]?\d/i;

interface Level {
  measure: string;
  value: number;
  kind: string;
  year: number;
  sentence: string;
  section: number;
  /** A table's column header ("Revenue (NOK m)"): the figure is named by it, as the article does. */
  label?: string;
  /** The earlier figure of a list item's comparison ("…, up from $41.7 million in 2015"). */
  compared?: boolean;
  /** A list item's figure, whose owner the item does not name: "the company’s revenue". */
  generic?: boolean;
  /** A figure of a year-labelled list, which reads as a table of years. */
  listed?: boolean;
  /** A financial year ("fiscal 2024", "the year to March 2025"), with the month it ends in when named. */
  fiscal?: { month?: string };
  /** A table row or column of whole numbers with no money or share in it: a count ("Service technicians | 38 | 71"). */
  count?: boolean;
  /** The measure a table of rows names in its corner ("Revenue ($ millions)" over "Brightway private label"). */
  of?: string;
}

const PART_OF_YEAR =
  /\b(?:(?:first|second|third|fourth|final|last)\s+(?:half|quarter)|(?:first|last)\s+(?:three|six|nine|\d+)\s+months|year[-\s]to[-\s]date|[QH][1-4]\b|half[-\s]year|quarter\s+of|months\s+to)/i;

/**
 * "EBITDA margin: 14.8%, up from 11.4% in 2019": the comparison after a list item's figure, with the
 * earlier figure and its year.
 */
// "…, against £21.3 million in 2023" too: the year is the compared figure's (blind review v18k, a58: a
// wrong key, £27.8 million of 2024 read as 2023's).
const COMPARED = new RegExp(
  String.raw`,\s+(up|down|against|compared\s+(?:with|to)|versus|vs\.?)\s+(?:from\s+)?` +
    APPROX +
    NUMBER +
    String.raw`(?:\s+(?:in|for)\s+((?:19|20)\d{2}))?\s*[;.]?$`,
  'i',
);

/** "revenue reached $41 million in 2020 and $46 million in 2021": one measure told over several years. */
// "Revenue rose to … in 2015, … in 2016 and …", or "rose from £3.1 million in 2019 to £3.4 million in
// 2020, £3.9 million in 2021 …, before easing to £4.4 million in 2023" (blind review v18e, a51: its first
// two years were asked as a change, the path's turn lost).
const SERIES_HEAD = new RegExp(
  String.raw`\b(${MEASURE})\s+(?:(?:had|has)\s+)?(?:${LEVEL_VERB}|(?:rose|grew|fell|climbed|increased|decreased|dropped|declined|slipped|went|moved)\s+from)\s+`,
  'gi',
);
const SERIES_ITEM = new RegExp(
  String.raw`(?:,\s*|,?\s+and\s+|\s+to\s+|,?\s+before\s+[a-z]+ing\s+(?:back\s+)?to\s+|,?\s+then\s+(?:to\s+)?)?(` +
    APPROX +
    NUMBER +
    String.raw`)\s+in\s+((?:19|20)\d{2})\b`,
  'iy',
);
/** After a change's second figure, a third with its year: the sentence tells a path, not one change. */
const SERIES_GOES_ON = new RegExp(
  String.raw`^(?:,\s*|,?\s+and\s+|,?\s+before\s+[a-z]+ing\s+(?:back\s+)?to\s+|,?\s+then\s+(?:to\s+)?)` +
    APPROX +
    NUMBER +
    String.raw`\s+in\s+(?:19|20)\d{2}\b`,
  'i',
);

function seriesLevels(sentence: string, section: number): Level[] {
  const named = new Set(sentence.match(SENTENCE_YEAR) ?? []);
  for (const head of sentence.matchAll(SERIES_HEAD)) {
    const items: { amount: string; year: string }[] = [];
    SERIES_ITEM.lastIndex = head.index + head[0].length;
    for (let item = SERIES_ITEM.exec(sentence); item; item = SERIES_ITEM.exec(sentence)) items.push({ amount: item[1]!, year: item[5]! });
    // Every year the sentence names is one of the series', each once.
    if (items.length < 2 || new Set(items.map((i) => i.year)).size !== items.length || named.size !== items.length) continue;
    const before = sentence.slice(0, head.index);
    return items.flatMap(({ amount, year }) => levelsAt(`${before}${head[1]} was ${amount}.`, section, undefined, year));
  }
  return [];
}

/**
 * "Revenue fell to $6.85 million in 2020. In 2021 it recovered only to $7.92 million.": "it" is the
 * measure the sentence before opened on. Read with the measure named, and without the adverb that
 * separates the verb from its figure ("recovered only to", "slipped further, to").
 */
const OPENS_ON_MEASURE = new RegExp(String.raw`^(?:(?:its|the\s+company['’]s|company|group|total)\s+)?(${MEASURE})\s`, 'i');
function withMeasureNamed(text: string, previous: string | undefined): string {
  const measure = previous ? OPENS_ON_MEASURE.exec(previous.trim())?.[1] : undefined;
  const named = measure ? text.replace(/^((?:(?:in|by|during)\s+(?:19|20)\d{2},?\s+)?)it\s+/i, `$1${measure} `) : text;
  return named.replace(/\b(\p{L}+)\s+(?:only|just|further|again|sharply|slightly|steadily|back),?\s+(to|at)\s+(?=[$€£¥]?\d)/giu, '$1 $2 ');
}

/**
 * "The premium unit grew more slowly than hoped. Its revenue rose from …": a sentence that opens on
 * "its" right after one whose subject is some part or other thing ("The premium unit") tells that
 * thing's figure, not the case's (blind review v17a, a38). Only a subject that is the organisation
 * itself by a generic name ("The company", "The group") leaves "its" the case's.
 */
const OPENS_ON_ITS = /^(?:(?:in|by|during|for)\s+(?:(?:early|late|mid-?)\s*)?(?:\p{Lu}\p{Ll}+\s+)?(?:19|20)\d{2},?\s+)?(?:its|their)\s/iu;
const ORGANISATION = /^(?:company|firm|business|group|organi[sz]ation|enterprise|corporation|partnership|family business)$/i;
export function itsPointsAway(text: string, previous: string | undefined): boolean {
  if (!previous || !OPENS_ON_ITS.test(text.trim())) return false;
  const opening = previous
    .trim()
    .replace(/^(?:(?:in|by|during|for|after|over)\s+(?:(?:early|late|mid-?)\s*)?(?:the\s+)?(?:\p{L}+\s+)?(?:19|20)\d{2},?\s+)/iu, '');
  const m = /^(?:The|This|That|These|Those)\s+(.+)$/.exec(opening);
  if (!m) return false;
  // The noun phrase up to its verb: "premium unit" of "The premium unit grew …".
  const terms = (nlp(m[1]!).terms().json() as { text: string; terms: { tags: string[] }[] }[]).map((t) => ({
    text: t.text,
    tags: t.terms[0]?.tags ?? [],
  }));
  const head: string[] = [];
  for (const t of terms) {
    if (t.tags.includes('Verb') || t.tags.includes('Preposition')) break;
    head.push(t.text.replace(/[,;:.]+$/, ''));
    if (/[,;:]$/.test(t.text)) break;
  }
  if (!head.length) return false;
  return !ORGANISATION.test(head.join(' ')) && !ORGANISATION.test(head.at(-1)!);
}

/**
 * "revenue of €610 million" in a sentence that names exactly one year and one level of that measure.
 * An item of a list whose lead names one year ("By fiscal 2024 the results were:") is of that year.
 */
export function levelsIn(sentence: string, section: number, previous?: string, listYear?: ListYear): Level[] {
  const compared = COMPARED.exec(sentence);
  // The comparison's year is the earlier figure's, not the item's ("Revenue: $48.2 million, up from
  // $41.7 million in 2015" under "In fiscal 2019 …:").
  const head = compared ? sentence.slice(0, compared.index) : sentence;
  // "up 1.2% from 2017", "the best since 2009": a year a figure is set against is not the item's own.
  const own = [...new Set(head.match(SENTENCE_YEAR) ?? [])].filter(
    (y) => !referenceYear(head, y) && !(listYear && yearInLaterClause(head, y, head.search(/\d/))),
  );
  if (listYear?.labelled) {
    const told = own.length <= 1 ? levelsAt(head, section, undefined, listYear.year) : [];
    const labelled = labelledLevels(head, section, listYear.year).filter((l) => !told.some((t) => t.measure === l.measure));
    const fiscal = listYear.fiscal ? { fiscal: listYear.fiscal } : {};
    return [...told.map((l) => ({ ...l, sentence, generic: true })), ...labelled].map((l) => ({ ...l, ...fiscal, listed: true }));
  }
  if (listYear && !own.length) {
    const levels = levelsAt(head, section, undefined, listYear.year).map((l) => (listYear.fiscal ? { ...l, fiscal: listYear.fiscal } : l));
    // Who the figures belong to is in the list's lead, if anywhere ("the company reported:"): never
    // guessed from the article's most frequent name, which may be a customer (blind review v14, b14).
    const owned = levels.map((l) => ({ ...l, sentence, generic: true }));
    return withCompared(owned, compared);
  }
  // Without a list's year, a year only in the comparison dates the earlier figure, not this one.
  if (compared && !own.length) return [];
  const read = levelsAt(head, section, previous).map((l) => ({ ...l, sentence }));
  // "Revenue in 2022: $46.2 million, up from $39.8 million in 2019": the earlier figure too (b27).
  if (read.length) return withCompared(read, compared);
  return seriesLevels(head, section).map((l) => ({ ...l, sentence }));
}

/** The earlier figure a level is set against at the end of its sentence ("…, up from $41.7 million in 2015"). */
function withCompared(levels: Level[], compared: RegExpExecArray | null): Level[] {
  if (levels.length !== 1 || !compared) return levels;
  const [, direction, currency, num, unit, year] = compared;
  const level = levels[0]!;
  const u = (unit ?? '').toLowerCase();
  const value = Number(num!.replace(/,/g, '')) * (SCALE[u] ?? 1);
  const kind = /%|percent|per cent/.test(u) ? '%' : currency || (level.kind === '%' ? '%' : level.kind);
  // The words must agree with the numbers, and the earlier figure be of the same kind, dated, and earlier.
  const d = direction!.toLowerCase();
  const agrees = d === 'up' ? level.value > value : d === 'down' ? level.value < value : level.value !== value;
  if (!year || Number(year) >= level.year || kind !== level.kind || !agrees || !(value > 0)) return levels;
  return [level, { ...level, value, year: Number(year), compared: true }];
}

/**
 * A year told in a later clause about something else ("$2.1 million, with $6.4 million of cash left from
 * a round raised in 2019"): it dates that, not the figure before the clause (blind review v15, c24).
 */
function yearInLaterClause(text: string, year: string, figureAt: number): boolean {
  const at = text.search(new RegExp(String.raw`\b${year}\b`));
  return (
    figureAt >= 0 &&
    at > figureAt &&
    /,\s+(?:with|after|following|including|from|when|as|which|having|while|whereas|plus)\b/i.test(text.slice(figureAt, at))
  );
}

/**
 * A year the sentence sets a figure against ("since 2009", "up 1.2% from 2017", "up ten points on 2018",
 * "four and a half times the 2018 figure"), not the figure's own.
 */
function referenceYear(sentence: string, year: string): boolean {
  return (
    new RegExp(
      String.raw`\b(?:since|until|till|before|after|from|than|between|on)\s+(?:in\s+)?(?:the\s+end\s+of\s+|early\s+|late\s+|fiscal\s+)?${year}`,
      'i',
    ).test(sentence) ||
    // "lower than in the loss-making year of 2022", "back to where it had been in 2019", "not quite the
    // 2019 figure": another year's, named to compare (b34).
    new RegExp(String.raw`\b(?:than|back\s+to)\b[^.;]{0,40}?\b(?:in|of)\s+${year}\b`, 'i').test(sentence) ||
    new RegExp(String.raw`\S\s+(?:the|its|their)\s+${year}\s+(?:figure|level|total|peak|mark)s?\b`, 'i').test(sentence) ||
    // "almost exactly double the $3.1 million of 2020": an amount of another year, named to compare (c34).
    new RegExp(
      String.raw`\bthe\s+(?:[$€£¥]|[A-Z]{1,2}\$)?\d[\d,.]*\s*(?:million|billion|thousand|m|bn|k)?\s+(?:of|in|from)\s+${year}\b`,
      'i',
    ).test(sentence) ||
    // "four and a half times the 2018 figure", "below its 2019 level": a figure set against another year's.
    new RegExp(
      String.raw`\b(?:times|than|above|below|over|under|on|versus|against|with|beyond|exceeded|surpassed|topped|matched)\s+(?:the|its|their)\s+${year}\s+(?:figure|level|total|peak|mark)s?\b`,
      'i',
    ).test(sentence)
  );
}

/** The margin a profit figure right before ", a margin of" is of: "EBITDA was $6.2 million, a " → "EBITDA margin". */
const MARGIN_OF =
  /\b(EBITDA|EBIT|operating (?:profit|income)|gross profit|net (?:profit|income))\s+(?:was|of|reached|rose to|fell to|came to)\s+(?:[$€£¥]|[A-Z]{1,2}\$)?\d[\d,.]*\s*(?:million|billion|thousand|m|bn|k)?,\s+(?:a|an)\s+$/i;
function marginOf(before: string): string | null {
  const m = MARGIN_OF.exec(before);
  if (!m) return null;
  const profit = m[1]!.toLowerCase();
  if (profit === 'ebitda' || profit === 'ebit') return `${m[1]!.toUpperCase()} margin`;
  return `${profit.split(' ')[0]} margin`;
}

/** What follows a figure that makes it a difference from another: "above that level", "short of the target". */
const RELATIVE_AFTER =
  /^\s*(?:above|below|over|under|short\s+of|ahead\s+of|behind|higher\s+than|lower\s+than|more\s+than|less\s+than|up\s+on|down\s+on|better\s+than|worse\s+than|beyond)\b/i;

function levelsAt(sentence: string, section: number, previous?: string, forcedYear?: string): Level[] {
  let years = forcedYear ? [forcedYear] : [...new Set(sentence.match(SENTENCE_YEAR) ?? [])];
  // "Revenue fell to $98 million, and the company lost $40 million that year": the year is the one
  // the sentence before it names, when it names exactly one.
  if (!years.length && previous && /\b(?:that|the same|that same) year\b/i.test(sentence)) {
    const before = [...new Set(previous.match(SENTENCE_YEAR) ?? [])];
    if (before.length === 1) years = before;
  }
  if (years.length !== 1) return [];
  // "its first loss since 2009" or "the best year since 2009" names another year than the figure's.
  if (!forcedYear && referenceYear(sentence, years[0]!)) return [];
  // "revenue of €610 million" and, amount first, "earned $6.8 million in revenue": either way, what
  // precedes the measure's name is read for its owner and its modifiers.
  const matches = [
    ...[...sentence.matchAll(LEVEL)].map((m) => ({
      measure: m[1]!,
      currency: m[2],
      num: m[3]!,
      unit: m[4],
      at: m.index,
      end: m.index + m[0].length,
    })),
    // "Ridgeway's stores had generated C$64 million in revenue": the earner is named before the verb, and
    // another company's is not the case's (b3).
    ...[...sentence.matchAll(LEVEL_AFTER)]
      .filter((m) => !/\p{Lu}\p{L}+['’]s\s+(?:[\p{Ll}-]+\s+){0,3}$/u.test(sentence.slice(0, m.index)))
      .map((m) => ({
        measure: m[4]!,
        currency: m[1],
        num: m[2]!,
        unit: m[3],
        at: m.index + m[0].length - m[4]!.length,
      })),
    // "revenue recovered to £17.4 million and EBITDA to £1.9 million": the second measure shares the
    // first one's verb.
    ...[...sentence.matchAll(LEVEL_GAPPED)]
      .filter((m) => GAPPED_VERB.test(sentence.slice(0, m.index)))
      .map((m) => ({
        measure: m[1]!,
        currency: m[2],
        num: m[3]!,
        unit: m[4],
        at: m.index + m[0].indexOf(m[1]!),
        end: m.index + m[0].length,
      })),
  ];
  const found = matches.flatMap(
    ({
      measure,
      currency,
      num,
      unit,
      at,
      end,
    }: {
      measure: string;
      currency?: string;
      num: string;
      unit?: string;
      at: number;
      end?: number;
    }): Level[] => {
      // "revenue was $2.8 million above that level", "… short of the target": a difference, not a level
      // (blind review v17h, c45: a wrong key).
      if (end !== undefined && RELATIVE_AFTER.test(sentence.slice(end))) return [];
      // "In the first half of 2025 the margin was 33%": part of a year set against a whole year is no
      // change (blind review v10: "the article's only 2025 figure is for the first half"). Part of a year
      // in a clause of its own after the figure ("…, with a loss in the second half") does not date it.
      if (PART_OF_YEAR.test(sentence.slice(0, at)) || PART_OF_YEAR.test(sentence.slice(at).split(/[,;]/)[0]!)) return [];
      if (!forcedYear && yearInLaterClause(sentence, years[0]!, at)) return [];
      const u = (unit ?? '').toLowerCase();
      const percent = /%|percent|per cent/.test(u);
      if (PERCENT_MEASURE.test(measure) !== percent) return [];
      const value = Number(num.replace(/,/g, '')) * (SCALE[u] ?? 1);
      if (!(value > 0) || !Number.isFinite(value)) return [];
      // A level measured against another company ("Baltcem's revenue") is not the case's own.
      const before = sentence.slice(0, at);
      if (/\p{Lu}\p{L}+['’]s\s*$/u.test(before.trim() + ' ') && !/\b(?:its|their|the company['’]s|the group['’]s)\s*$/i.test(before))
        return [];
      // "Ad revenue hit $120 million", "wholesale sales of …": a part of the measure, not the whole of it.
      const modifier = /([\p{L}-]+)\s+$/u.exec(before)?.[1];
      // "… found customers outside education, and that revenue reached £1.3 million": a demonstrative
      // points back at a line of business just named, not at the company's revenue (blind review v17f, a43).
      if (modifier && /^(?:this|that|these|those|such)$/i.test(modifier)) return [];
      // "Company EBITDA", "group revenue", "consolidated sales" name the whole business's measure.
      const whole =
        modifier !== undefined &&
        /^(?:company|group|consolidated|company-wide|companywide|overall|combined|record|full-year|yearly)$/i.test(modifier);
      // "vending revenue" is a part too: a gerund names a line of business.
      // A word that opens the sentence before the measure ("Contract revenue was …") is a modifier too,
      // whatever else it could be (a34).
      const opening = modifier !== undefined && before.trim() === modifier && !/^(?:its|their|our|total|annual)$/i.test(modifier);
      if (
        modifier &&
        !whole &&
        // A word is read in its place before the measure: alone, "service" or "contract" reads as a verb (v17a).
        (opening ||
          nlp(modifier).has('(#Noun|#Adjective|#Gerund)') ||
          nlp(`the ${modifier} ${measure}`).terms().eq(1).has('(#Noun|#Adjective|#Gerund)')) &&
        !nlp(modifier).has('(#Possessive|#Pronoun|#Determiner)')
      )
        return [];
      const bare = measure
        // "revenues" is one revenue; "sales" and "earnings" stay plural nouns (blind review v9: "how did sale
        // change"), and "loss" keeps its "s" (v15, c24: "operating los").
        .replace(/\b(revenue|profit)s$/i, '$1')
        .replace(/^(?:annual|total) (?!recurring)/i, '')
        .replace(/\b(?!EBITDA\b|EBIT\b)\w+/g, (w) => w.toLowerCase());
      // "EBITDA was $6.2 million, a margin of 13.9 per cent": the margin of the profit just named (v17a, c38).
      const name = bare === 'margin' ? (marginOf(before) ?? bare) : bare;
      const fiscal = forcedYear ? undefined : fiscalYear(sentence, years[0]!);
      return [
        {
          measure: name,
          value,
          kind: percent ? '%' : currency || 'n',
          year: Number(years[0]),
          sentence,
          section,
          ...(fiscal ? { fiscal } : {}),
        },
      ];
    },
  );
  // One level per measure: two revenue figures in one sentence compare things (segments, rivals).
  return found.filter((l) => found.filter((o) => o.measure === l.measure).length === 1);
}

/**
 * A table of one year, named by the caption just above it ("Exhibit 1: Channel economics, fiscal 2021"),
 * with the whole business in a "Total" column (or in its only column of figures): each row that is a
 * business result ("Revenue", "Operating profit") is the company's figure for that year, as if a
 * sentence gave it, so it pairs with the same measure told elsewhere. A caption that looks ahead or
 * weighs choices ("Plan", "Scenario", "Option B") dates no result (blind review v15, c28).
 */
export function snapshotLevels(table: { header: string[]; rows: string[][] }, caption: string, section: number): Level[] {
  const text = caption.trim();
  const years = [...new Set(text.match(SENTENCE_YEAR) ?? [])];
  if (years.length !== 1 || text.split(/\s+/).length > 15 || PART_OF_YEAR.test(text) || SNAPSHOT_NOT_RESULT.test(text)) return [];
  if (table.header.some((h) => headerYear(h) !== null)) return [];
  const figures = table.header.map((_, c) => c).filter((c) => c > 0);
  const totals = figures.filter((c) => /^\W*total\W*$/i.test(table.header[c]!.trim()));
  const column = totals.length === 1 ? totals[0]! : figures.length === 1 ? figures[0]! : null;
  if (column === null) return [];
  const fiscal = fiscalYear(text, years[0]!);
  return table.rows.flatMap((row): Level[] => {
    const label = (row[0] ?? '').replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    if (!isBusinessMeasure(label)) return [];
    // "$162,000 (6.6%)": the figure, with its share in brackets beside it.
    const cell = (row[column] ?? '').replace(/\s*\([^)]*\)\s*$/, '').trim();
    const m = /^([$€£¥])?(\d[\d,]*(?:\.\d+)?)\s?(%|[MmKk]\b|bn\b|million\b|billion\b)?$/.exec(cell);
    if (!m) return [];
    const percent = m[3] === '%';
    if (PERCENT_MEASURE.test(label) !== percent) return [];
    const value = Number(m[2]!.replace(/,/g, '')) * (SCALE[(m[3] ?? '').toLowerCase()] ?? 1);
    if (!(value > 0)) return [];
    const measure = label.replace(/\b(?!EBITDA\b|EBIT\b)\p{L}+/gu, (w) => w.toLowerCase()).replace(/^(?:total|annual)\s+/i, '');
    return [
      {
        measure,
        value,
        kind: percent ? '%' : m[1] || 'n',
        year: Number(years[0]),
        sentence: row.join(' | ').replace(/\s+/g, ' '),
        section,
        generic: true,
        ...(fiscal ? { fiscal } : {}),
      },
    ];
  });
}
const SNAPSHOT_NOT_RESULT =
  /\b(?:plan|planned|budget|forecasts?|projected|projections?|pro\s+forma|scenarios?|options?|proposals?|estimates?|estimated|targets?|illustrative)\b/i;

/**
 * The first of the rows just above a total that add up to it in every column ("10.6 + 14.9 + 3.2 + 2.8 =
 * 31.5"), or -1. A dash is nothing; brackets are a loss.
 */
function summingRows(rows: string[][], totalAt: number, columns: number[]): number {
  const value = (cell: string | undefined) => {
    const text = (cell ?? '').replace(/\*/g, '').trim();
    if (/^[—–-]?$/.test(text)) return 0;
    const m = /^\(?\s*[$€£¥]?(\d[\d,]*(?:\.\d+)?)\s*\)?$/.exec(text);
    return m ? Number(m[1]!.replace(/,/g, '')) * (text.startsWith('(') ? -1 : 1) : NaN;
  };
  const total = columns.map((c) => value(rows[totalAt]![c]));
  if (total.some((t) => !Number.isFinite(t))) return -1;
  const sums = columns.map(() => 0);
  for (let k = totalAt - 1; k >= 0; k--) {
    columns.forEach((c, i) => (sums[i]! += value(rows[k]![c])));
    if (sums.some((x) => !Number.isFinite(x))) return -1;
    if (k < totalAt - 1 && sums.every((x, i) => Math.abs(x - total[i]!) <= Math.max(0.051, Math.abs(total[i]!) * 0.005))) return k;
  }
  return -1;
}

/** A year column's header: "2024", "2024 actual", "FY2024". */
function headerYear(header: string): number | null {
  const m = /^(?:FY\s?)?((?:19|20)\d{2})(?:\s*\(?(?:actual|actuals|act\.?|a)\)?)?$/i.exec(header.trim());
  return m ? Number(m[1]) : null;
}
const FORECAST_HEADER =
  /^(?:FY\s?)?(?:19|20)\d{2}\s*\(?\s*(?:forecast|budget|budgeted|plan|planned|projected|projection|estimate|estimated|target|expected|e|f|fcst)\b/i;
/**
 * A figure in a table cell: "1,210", "5.8%", "$4.2", "NOK 96", "$31.4M"; a range, a note or a negative
 * is no figure.
 */
const FIGURE_CELL = /^(?:[$€£¥]|[A-Z]{3}\s?)?(\d[\d,]*(?:\.\d+)?)\s?(%|[MmKk]\b|bn\b|million\b|billion\b|thousand\b)?$/;

/**
 * The figures of a table of years: a "Year" column with one row per year (or a header row of years
 * with one row per measure). Each column of figures is a measure named by its header, read only
 * when every one of its cells is a positive figure, so a path is never drawn through a gap.
 */
export function tableLevels(table: { header: string[]; rows: string[][] }, section: number): Level[] {
  const { header, rows } = table;
  const series: {
    label: string;
    cells: { year: number; cell: string; source: string; fiscal?: boolean }[];
    ownUnit?: boolean;
    partOf?: string;
  }[] = [];
  // "FY2023", "Fiscal 2023": a financial year, named so in the question (blind review v19a, a61).
  const isFiscal = (h: string) => /^\W*(?:FY|fiscal)\b|^\W*FY\d/i.test(h.trim());
  const bare = (h: string) => h.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const rowText = (row: string[]) => row.join(' | ').replace(/\s+/g, ' ');
  // A "Year" column: one row per year, a forecast row ("2025 forecast") left out.
  const yearRows = rows.filter((r) => headerYear(r[0] ?? '') !== null);
  if (yearRows.length >= 2 && rows.every((r) => headerYear(r[0] ?? '') !== null || FORECAST_HEADER.test((r[0] ?? '').trim()))) {
    // "Contract ($M) | Residential ($M) | Total revenue ($M)": the columns before a total are its parts,
    // each that measure of a line of business ("the residential revenue", blind review v16, a34).
    const totalAt = header.findIndex((h, c) => c > 0 && /^\W*total\s+/i.test(h) && isBusinessMeasure(bare(h).replace(/^total\s+/i, '')));
    const whole =
      totalAt > 0
        ? bare(header[totalAt]!)
            .replace(/^total\s+/i, '')
            .toLowerCase()
        : undefined;
    for (let c = 1; c < header.length; c++)
      series.push({
        label: header[c]!.trim(),
        cells: yearRows.map((r) => ({ year: headerYear(r[0]!)!, cell: (r[c] ?? '').trim(), source: rowText(r), fiscal: isFiscal(r[0]!) })),
        ...(whole && c < totalAt && !isBusinessMeasure(bare(header[c]!)) ? { partOf: whole } : {}),
      });
  } else {
    // "2023 actual" is a year; "2023 forecast (May)" is no figure of the case yet, and its column is left
    // out. Any other header is not a year, and the table is not one of years.
    const columns = header
      .slice(1)
      .map((h, i) => ({ at: i + 1, year: headerYear(h), forecast: FORECAST_HEADER.test(h.trim()), fiscal: isFiscal(h) }));
    const years = columns.filter((c) => c.year !== null);
    // Rows after a "Total" row are measures of their own ("Gross margin", "Employees" under a table of
    // revenue by line, a29): the corner's measure and unit are not theirs.
    const totalAt = rows.findIndex((r) => /^\W*total\b/i.test(r[0] ?? ''));
    // "Monthly permits | … | Total revenue": the rows above a total of a measure are its parts, each that
    // measure of a line of business ("the monthly permits revenue", blind review v16, a37).
    const totalOf =
      totalAt >= 0
        ? bare(rows[totalAt]![0] ?? '')
            .replace(/^\W*total\s+/i, '')
            .replace(/\W+$/, '')
        : '';
    const whole = totalAt >= 0 && isBusinessMeasure(totalOf) ? totalOf.toLowerCase() : undefined;
    // Only the rows that add up to the total are its parts: "Average contract price" above "Total
    // revenue" is no revenue line (a35).
    const partsFrom = whole
      ? summingRows(
          rows,
          totalAt,
          years.map((c) => c.at),
        )
      : -1;
    if (years.length >= 2 && columns.every((c) => c.year !== null || c.forecast))
      rows.forEach((r, at) =>
        series.push({
          label: (r[0] ?? '').trim(),
          cells: years.map((c) => ({ year: c.year!, cell: (r[c.at] ?? '').trim(), source: rowText(r), fiscal: c.fiscal })),
          ownUnit: totalAt >= 0 && at > totalAt,
          ...(whole && partsFrom >= 0 && at >= partsFrom && at < totalAt && !isBusinessMeasure(bare(r[0] ?? '')) ? { partOf: whole } : {}),
        }),
      );
  }
  // "Revenue ($ millions)" in the corner over a row per business line: each row is that line's revenue.
  const corner = bare(header[0] ?? '');
  const of = isBusinessMeasure(corner) ? corner.toLowerCase() : undefined;
  return series.flatMap(({ label, cells, ownUnit, partOf }): Level[] => {
    if (!/\p{L}{3}/u.test(label) || label.length > 60) return [];
    // "of which royalties", "incl. exports": a part of the row above, not a measure of its own (blind review v15, c29).
    if (/^(?:of which|incl\.?|including|thereof|o\/w)\b/i.test(label.trim())) return [];
    const read = cells.map((c) => FIGURE_CELL.exec(c.cell));
    if (read.some((m) => !m)) return [];
    const percent = read.map((m) => m![2] === '%');
    if (percent.some((p) => p !== percent[0])) return [];
    const isPercent = percent[0]! || /%|percent|per cent/i.test(label);
    // Whole numbers with no currency in a cell or the label and no scale but thousands: things counted.
    // The unit may be the label's ("Revenue ($M)") or the corner's ("Business line ($M)").
    const unit = [label, ownUnit ? '' : (header[0] ?? '')]
      .map((h) => /\(([^)]*)\)/.exec(h)?.[1] ?? '')
      .join(' ')
      .replace(/\b(?:000s?|thousands?)\b/gi, '');
    const count =
      !isPercent &&
      cells.every((c) => /^\d[\d,]*$/.test(c.cell)) &&
      // "(FTE)" is a count's unit, "(EUR)" or "(USD m)" a currency's: three capitals that name a currency.
      !/[$€£¥]|\b(?:USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|CNY|RMB|SEK|NOK|DKK|ISK|PLN|CZK|HUF|INR|ZAR|SGD|HKD|MXN|BRL|KES|NGN|AED|SAR|TRY|KRW)\b/.test(
        unit,
      ) &&
      !/\b(?:m|bn|k|million|billion)\b/i.test(unit);
    const measure = label
      .replace(/\s*\([^)]*\)\s*/g, ' ')
      .trim()
      .replace(/\b(?![A-Z]{2,}\b)\p{L}+/gu, (w) => w.toLowerCase());
    return cells.flatMap((c, i): Level[] => {
      const value = Number(read[i]![1]!.replace(/,/g, '')) * (SCALE[(read[i]![2] ?? '').toLowerCase()] ?? 1);
      if (!(value > 0)) return [];
      return [
        {
          measure,
          value,
          kind: `${isPercent ? '%' : ''}table:${label}`,
          year: c.year,
          sentence: c.source,
          section,
          label,
          count,
          ...(c.fiscal ? { fiscal: {} } : {}),
          // A count column ("Institutional subscribers") beside a total of money is no part of it (v16, a36).
          ...(of && !yearRows.length && !ownUnit ? { of } : partOf && !count ? { of: partOf } : {}),
        },
      ];
    });
  });
}

/** Every dated level of a measure in the article, once per article: in its sentences and its tables of years. */
const levelCache = new WeakMap<object, Level[]>();
function levelsOf(ctx: FamilyContext): Level[] {
  let levels = levelCache.get(ctx.analysis);
  if (!levels) {
    const listYears = listLeadYears(ctx);
    const spelt = spellOut(ctx.analysis.all);
    // "Dunmore's revenue in 2016 was $9.6 million": the case's own name in the possessive is the
    // case's figure ("its revenue"), where another name's would be a rival's.
    const own = ctx.subject?.split(/\s+/)[0];
    const possessive = own ? new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(own)}['’]s\s+`, 'gu') : null;
    const spell = (text: string) => (possessive ? spelt(text).replace(possessive, 'its ') : spelt(text));
    const paragraphs = paragraphYears(ctx, listYears);
    levels = ctx.analysis.all.flatMap((s, i, all) => {
      // A year-labelled item's figure ("Total revenue $4.64 million.") is a label, whatever its first word reads as.
      const labelled = listYears.get(s.text)?.labelled === true && !s.features.question;
      if ((!s.claim && !labelled) || s.features.hedged || s.features.forecast) return [];
      if (all[i - 1]?.section === s.section && itsPointsAway(s.text, all[i - 1]!.text)) return [];
      const previous = all[i - 1]?.section === s.section ? spell(all[i - 1]!.text) : undefined;
      // Read once: the sentence with the case's name as "its", initials spelt out, "it" named.
      const text = withMeasureNamed(spell(s.text), previous);
      const read = levelsIn(text, s.section, previous, listYears.get(s.text));
      const dated = paragraphs.get(s.text);
      // A sentence that names no year, in a paragraph that gives one time frame.
      const framed =
        // A year the sentence only sets its figure against ("double the $3.1 million of 2020") is no date of its own.
        !read.length && dated && (s.text.match(SENTENCE_YEAR) ?? []).every((y) => referenceYear(s.text, y) || comparedYear(s.text, y))
          ? levelsAt(text, s.section, undefined, dated.year).map((l) => (dated.fiscal ? { ...l, fiscal: dated.fiscal } : l))
          : [];
      // "Piedmont Bug Busters, in Concord, had … revenue of $1.7 million": a sentence whose subject is
      // another company's name tells that company's figures (c27, once its paragraph was dated).
      // Each figure by its own clause: "Keystone's share fell back to 24 percent, and the company returned
      // to a net profit of around $310,000" tells the company's profit.
      const clauses = s.text.split(/,\s+(?:and|but)\s+|;\s+/);
      return [...read, ...framed]
        .filter(
          (l) => !otherSubject(clauses.find((c) => c.toLowerCase().includes(l.measure.split(' ').at(-1)!.toLowerCase())) ?? s.text, ctx),
        )
        .map((l) => ({ ...l, sentence: s.text }));
    });
    ctx.caseStudy.sections.forEach((section, i) => {
      if (section.review) return;
      section.blocks.forEach((b, at) => {
        if (b.kind !== 'table') return;
        levels!.push(...tableLevels(b, i));
        const caption = section.blocks[at - 1];
        if (caption?.kind === 'paragraph') levels!.push(...snapshotLevels(b, caption.text, i));
      });
    });
    // The same figure repeated (a results table that restates the last year of an earlier one) is one.
    const seen = new Set<string>();
    levels = levels.filter((l) => {
      const key = `${l.kind}\u0000${l.measure}\u0000${l.year}\u0000${l.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    levelCache.set(ctx.analysis, levels);
  }
  return levels;
}

/**
 * A sentence that opens (after its time frame) on a name that is neither the case's subject nor in the
 * title: "Piedmont Bug Busters, in Concord, had …", "Sentinel paid …". A person's name counts too: what
 * a person earned is not the company's figure.
 */
const entityCache = new WeakMap<object, Set<string>>();
function entityNames(ctx: FamilyContext): Set<string> {
  let names = entityCache.get(ctx.caseStudy);
  if (!names) entityCache.set(ctx.caseStudy, (names = new Set(ctx.caseStudy.facts.filter((f) => f.kind === 'entity').map((f) => f.text))));
  return names;
}

function otherSubject(sentence: string, ctx: FamilyContext): boolean {
  const body = sentence
    .trim()
    .replace(/^(?:(?:in|by|during|for)\s+(?:(?:early|late|mid-?)\s*)?(?:\p{Lu}\p{Ll}+\s+)?(?:19|20)\d{2},?\s+)/u, '');
  const name = /^((?:\p{Lu}[\p{L}'’&.-]*)(?:\s+(?:&\s+)?\p{Lu}[\p{L}'’.-]*)*)/u.exec(body)?.[1];
  if (
    !name ||
    /^(?:The|A|An|Its|Their|This|That|These|Those|In|By|At|On|For|After|Before|When|While|Revenue|Sales|EBITDA|EBIT)\b/.test(name)
  )
    return false;
  // A name the article writes as one elsewhere, not a capitalised first word ("Margins fell …").
  const entities = entityNames(ctx);
  // Two capitalised words in a row ("Mecum Motors") are a name wherever they stand.
  if (!/\s/.test(name) && !entities.has(name.replace(/['’]s$/, ''))) return false;
  const known = new Set(
    `${ctx.subject ?? ''} ${ctx.caseStudy.title}`
      .split(/[^\p{L}]+/u)
      .filter(Boolean)
      .map((w) => w.toLowerCase()),
  );
  return !name
    .replace(/['’]s$/, '')
    .split(/[^\p{L}]+/u)
    .some((w) => known.has(w.toLowerCase()));
}

/**
 * A measure the article names by its initials once it has spelt them out ("annual recurring revenue
 * (ARR) of $22.6 million" … "ARR had reached $30.1 million"): each sentence read with the initials
 * spelt out, so both figures are of one measure. Only initials that stand for a measure are spelt out;
 * a measure known by its initials ("EBITDA") keeps them.
 */
function spellOut(sentences: { text: string }[]): (text: string) => string {
  const spelt = new Map<string, string>();
  const measureEnd = new RegExp(`(?:${MEASURE})$`, 'i');
  for (const { text } of sentences)
    for (const m of text.matchAll(/((?:[\p{L}-]+\s+){1,5})\((\p{Lu}{2,6})\)/gu)) {
      const initials = m[2]!;
      const words = m[1]!.trim().split(/\s+/).slice(-initials.length);
      if (words.length !== initials.length || words.some((w, i) => w[0]!.toLowerCase() !== initials[i]!.toLowerCase())) continue;
      const phrase = words.join(' ');
      if (measureEnd.test(phrase) && !isBusinessMeasure(initials)) spelt.set(initials, phrase);
    }
  if (!spelt.size) return (text) => text;
  const initials = new RegExp(`\\s*\\((${[...spelt.keys()].join('|')})\\)|\\b(${[...spelt.keys()].join('|')})\\b`, 'g');
  return (text) => text.replace(initials, (all, defined?: string, used?: string) => (defined ? '' : spelt.get(used!)!));
}

interface ListYear {
  year: string;
  fiscal?: { month?: string };
  /** The item opens on its own year ("2019: revenue $4.8 million; …"), its figures labelled, not told. */
  labelled?: boolean;
}

/** "2019: …", "FY2021 – …": a list item that opens on its year. */
const ITEM_YEAR = /^(?:\*\*)?(?:(?:FY|fiscal)\s?)?((?:19|20)\d{2})(?:\*\*)?\s*(?:[:–—]|-\s)\s*/i;
/** "2023 (forecast at September): …": a year item with a note in brackets. */
const ITEM_YEAR_NOTE = /^(?:\*\*)?(?:(?:FY|fiscal)\s?)?((?:19|20)\d{2})\s*\(([^)]{1,40})\)(?:\*\*)?\s*(?:[:–—]|-\s)\s*/i;
/** "71 staff", "1,240 employees": a headcount in a list item, number first. General English. */
const HEADCOUNT_FIRST = /^(\d[\d,]*)\s+(?:staff|employees|people|workers|FTEs?|full-time (?:staff|employees))$/i;
/** Measures of profit, whose bracketed percentage is their margin ("EBITDA £0.50m (8.1%)"). */
const PROFIT = /^(?:EBITDA|EBIT|(?:operating|net|gross|pre-tax)\s+(?:profit|income)|profit|operating income|net income)$/i;
/** "revenue $4.8 million", "operating margin 7 percent", "Total revenue $4.64 million": a measure and its figure, no verb. */
const LABELLED_FIGURE = new RegExp(
  String.raw`^(?:total\s+)?(${MEASURE})\s+` +
    APPROX +
    // The currency may be a code ("revenue EUR 612 million").
    String.raw`([$€£¥]|(?:A|C|US|NZ|HK|S)\$|[A-Z]{3}\s)?(\d[\d,]*(?:\.\d+)?)\s?(%|percent\b|per cent\b|million\b|billion\b|bn\b|m\b|k\b|thousand\b)?\s*$`,
  'i',
);

/** The figures of a year-labelled item, part by part: "2019: 3,600 guitars; revenue $4.8 million; operating margin 7 percent". */
function labelledLevels(sentence: string, section: number, year: string): Level[] {
  const parts = sentence
    .replace(ITEM_YEAR, '')
    .replace(ITEM_YEAR_NOTE, '')
    .replace(/[.]$/, '')
    // Parts end at a semicolon or at a comma and a space, never inside "£118,000" (which read as £118).
    .split(/\s*;\s*|,\s+/);
  const found = parts.flatMap((part): Level[] => {
    const at = { sentence, section, year: Number(year), generic: true as const };
    // "71 staff": a headcount written number first.
    const staff = HEADCOUNT_FIRST.exec(part.trim());
    if (staff) return [{ ...at, measure: 'headcount', value: Number(staff[1]!.replace(/,/g, '')), kind: 'n' }];
    // "EBITDA £0.50m (8.1%)": a profit with its margin in brackets (blind review v18a, b47).
    const bracket = /^(.*\S)\s*\((\d+(?:\.\d+)?)\s?(?:%|percent|per cent)\)$/i.exec(part.trim());
    const m = LABELLED_FIGURE.exec(bracket ? bracket[1]! : part.trim());
    if (!m) return [];
    const margin =
      bracket && m[3] && PROFIT.test(m[1]!) && !PERCENT_MEASURE.test(m[1]!)
        ? [
            {
              ...at,
              measure: `${m[1]!.replace(/\b(?!EBITDA\b|EBIT\b)\w+/g, (w) => w.toLowerCase())} margin`,
              value: Number(bracket[2]),
              kind: '%',
            },
          ]
        : [];
    const [, measure, currency, num, unit] = m;
    const u = (unit ?? '').toLowerCase();
    const percent = /%|percent|per cent/.test(u);
    if (PERCENT_MEASURE.test(measure!) !== percent) return [];
    const value = Number(num!.replace(/,/g, '')) * (SCALE[u] ?? 1);
    if (!(value > 0) || !Number.isFinite(value)) return [];
    const name = measure!
      .replace(/\b(revenue|profit)s$/i, '$1')
      .replace(/^(?:annual|total) (?!recurring)/i, '')
      .replace(/\b(?!EBITDA\b|EBIT\b)\w+/g, (w) => w.toLowerCase());
    return [
      { measure: name, value, kind: percent ? '%' : currency?.trim() || 'n', year: Number(year), sentence, section, generic: true },
      ...margin,
    ];
  });
  return found.filter((l) => found.filter((o) => o.measure === l.measure).length === 1);
}

/**
 * "For the year to March 2025", "fiscal year ended June 2022", "fiscal 2024": a financial year, which a
 * question names as such rather than as the calendar year (blind review v14: "the years are really the
 * years to March").
 */
function fiscalYear(text: string, year: string): { month?: string } | undefined {
  const ending = new RegExp(
    String.raw`\b(?:year|months?)\s+(?:to|ending|ended)\s+(?:(?:the\s+)?end\s+of\s+)?(\p{Lu}\p{Ll}+)\s+${year}`,
    'u',
  ).exec(text);
  if (ending) return { month: ending[1] };
  return new RegExp(String.raw`\b(?:fiscal|financial)\s+(?:year\s+)?${year}|\bFY\s?${year}`, 'i').test(text) ? {} : undefined;
}

/**
 * The year of each list item whose list is led by a sentence naming one year ("By fiscal 2024 the
 * results were:", "In 2018 the company reported:"): a snapshot of the case at that date. A lead that
 * looks ahead ("The plan projected for 2026:") or names part of a year dates nothing.
 */
/** A sentence that opens on its time frame: "In 2023,", "For the financial year to March 2023,", "By the end of 2024". */
const TIME_FRAME =
  /^(?:the\s+(?=(?:19|20)\d{2}\s+(?:figures|results|numbers|accounts)\b)|(?:in|for|during|by)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:financial|fiscal)\s+(?:year\s+)?(?:(?:to|ending|ended)\s+(?:\p{Lu}\p{Ll}+\s+)?)?|year\s+(?:to|ending|ended)\s+(?:\p{Lu}\p{Ll}+\s+)?)?)((?:19|20)\d{2})\b/iu;

/** "Total revenue in 2022 was $38.0 million": a sentence that opens on a measure of one year. */
const MEASURE_OF_YEAR = new RegExp(
  String.raw`^(?:total\s+|annual\s+|group\s+|company\s+)?(?:${MEASURE})\s+(?:in|for)\s+(?:fiscal\s+)?((?:19|20)\d{2})\s+(?:was|were|reached|came\s+to|totall?ed|stood\s+at)\b`,
  'i',
);

/** "Tidewater ended 2024 with 47,300 members": the year a sentence closes its account of. */
const ENDED_YEAR = /\b(?:ended|ending|closed|finished)\s+(?:the\s+year\s+|(?:fiscal|financial)\s+(?:year\s+)?)?((?:19|20)\d{2})\b/i;

/**
 * The one time frame a paragraph gives ("By the end of 2024 the uncovered rate had fallen to 1.6%. …
 * Revenue rose to $15.6 million and operating income to $1.78 million."), for each of its sentences:
 * only when the paragraph names that one year and no other, in a time frame ("By the end of 2024",
 * "ended 2024 with") rather than as the date of something else ("founded in 1989"), and no part of
 * a year. A year a figure is only set against ("compared with $9.6 million in 2016", "up from … in
 * 2019", "since 2016") is not another time frame.
 *
 * A paragraph right after a dated list that names no time of its own ("In 2023 … Revenue came from four
 * sources: [list] Total revenue was $14.8 million.") goes on with the list's snapshot.
 */
function paragraphYears(ctx: FamilyContext, listYears: Map<string, ListYear>): Map<string, ListYear> {
  const years = new Map<string, ListYear>();
  const blocksOf = [ctx.caseStudy.introduction, ...ctx.caseStudy.sections.filter((s) => !s.review).map((s) => s.blocks)];
  for (const blocks of blocksOf) {
    // "In 2023 the Fall Classic drew 620 consignments … [¶] Calloway Online listed 1,900 cars … [¶] Total
    // revenue was $10.42 million": a time frame goes on into the next two paragraphs of its lesson that
    // name no time of their own (blind review v16, b34).
    let carried: { dated: ListYear; left: number } | null = null;
    blocks.forEach((block, i) => {
      if (block.kind !== 'paragraph') return;
      const sentences = sentencesOf([block]).map((s) => s.trim());
      const carry = carried;
      carried = null;
      if (sentences.some((s) => PART_OF_YEAR.test(s))) return;
      const before = blocks[i - 1];
      const listYear =
        before?.kind === 'list'
          ? listYears.get(sentencesOf([{ kind: 'paragraph', text: before.items[0] ?? '' }])[0]?.trim() ?? '')
          : undefined;
      const own = (s: string) => (s.match(SENTENCE_YEAR) ?? []).filter((y) => !referenceYear(s, y) && !comparedYear(s, y));
      const timeless = sentences.every((s) => !own(s).length && !TIME_SHIFT.test(s));
      if (listYear && sentences.every((s) => !/\b(?:19|20)\d{2}\b/.test(s) && !TIME_SHIFT.test(s))) {
        for (const sentence of sentences) years.set(sentence, listYear);
        return;
      }
      if (carry && timeless) {
        for (const sentence of sentences) years.set(sentence, carry.dated);
        if (carry.left > 1) carried = { dated: carry.dated, left: carry.left - 1 };
        return;
      }
      const named = [...new Set(sentences.flatMap(own))];
      if (named.length !== 1) return;
      const at = sentences.findIndex(
        (s, k) =>
          TIME_FRAME.exec(s)?.[1] === named[0] ||
          ENDED_YEAR.exec(s)?.[1] === named[0] ||
          // "Total revenue in 2022 was $38.0 million. … EBITDA margin fell to 11.8 per cent": a paragraph that
          // opens on a measure of one year tells that year (blind review v17a, c38).
          (k === 0 && MEASURE_OF_YEAR.exec(s)?.[1] === named[0]),
      );
      if (at < 0) return;
      const dated = { year: named[0]!, fiscal: fiscalYear(sentences[at]!, named[0]!) };
      // "Operating profit was £125,000. In 2019 it slipped further, to £38,000": a time frame dates what
      // follows it, not the figures before it, which go on with the paragraph before (blind review v15, c30).
      for (const sentence of sentences.slice(at)) years.set(sentence, dated);
      carried = { dated, left: 2 };
    });
  }
  return years;
}

/** Words that move a paragraph's account to another time than the one before it. */
const TIME_SHIFT =
  /\b(?:today|now|later|afterwards?|subsequently|by then|since then|since (?:19|20)\d{2}|(?:the|that) (?:next|following|previous|prior) (?:year|month|spring|summer|autumn|fall|winter|season)|next year|last year|ago|earlier|until|decades?|(?:years?|months?) (?:later|before|after))\b/i;

/** "compared with $9.6 million from five centers in 2016", "up from $41.7 million in 2015": a year a figure is set against. */
function comparedYear(sentence: string, year: string): boolean {
  return new RegExp(
    String.raw`\b(?:compared\s+(?:with|to)|(?:up|down)\s+from|against|versus|vs\.?)\s+(?:[^.;:]|\.\d)*?\b(?:in|for)\s+(?:fiscal\s+)?${year}\b(?![^,;]*\b(?:was|were|had|rose|fell)\b)`,
    'i',
  ).test(sentence);
}

function listLeadYears(ctx: FamilyContext): Map<string, ListYear> {
  const years = new Map<string, ListYear>();
  const blocksOf = [ctx.caseStudy.introduction, ...ctx.caseStudy.sections.filter((s) => !s.review).map((s) => s.blocks)];
  for (const blocks of blocksOf)
    blocks.forEach((block, i) => {
      const before = blocks[i - 1];
      if (block.kind !== 'list' || before?.kind !== 'paragraph') return;
      const paragraph = sentencesOf([before]);
      const lead = paragraph.at(-1)?.trim() ?? '';
      // "- 2019: revenue $4.8 million; operating margin 7 percent": a list whose items each open on their
      // own year is a table of results told as a list (blind review v17b, b39 and c39), unless its lead
      // looks ahead or weighs choices.
      // "- 2023 (forecast at September): revenue £1.64 million; …": an item whose year carries a note is
      // still the list's row for that year, and a forecast row is no result (blind review v18k, b58: the
      // whole list was read at the lead's "four years to 2023").
      const noted = block.items.map((item) => ITEM_YEAR_NOTE.exec(item.trim()));
      const labelled = block.items.map((item, k) => ITEM_YEAR.exec(item.trim()) ?? noted[k] ?? null);
      if (labelled.length >= 2 && labelled.every(Boolean)) {
        const f = sentenceFeatures(lead);
        if (f.forecast || f.hedged || SNAPSHOT_NOT_RESULT.test(lead)) return;
        if (new Set(labelled.map((m) => m![1])).size !== labelled.length) return;
        block.items.forEach((item, k) => {
          const note = noted[k]?.[2];
          // …nor is a run-rate or part of a year ("2023 (run-rate from first half):").
          if (
            note &&
            (sentenceFeatures(note).forecast ||
              PART_OF_YEAR.test(note) ||
              /\b(?:forecast|estimated?|budget|plan|projected|expected|target|outlook|run[-\s]?rate|annuali[sz]ed|pro[-\s]forma|to date|ytd)\b/i.test(
                note,
              ))
          )
            return;
          const dated = { year: labelled[k]![1]!, ...(labelled[k]![0]!.match(/^(?:FY|fiscal)/i) ? { fiscal: {} } : {}) };
          for (const sentence of sentencesOf([{ kind: 'paragraph', text: item }])) years.set(sentence, { ...dated, labelled: true });
        });
        return;
      }
      let named = [...new Set(lead.match(SENTENCE_YEAR) ?? [])];
      // "In the financial year to March 2023, Lanemark had 126 instructors. … The figures looked like
      // this:": a lead that names no year lists the year its paragraph opens on, when that paragraph
      // opens on one time frame (not "founded in 2007").
      const frame = named.length ? null : TIME_FRAME.exec(paragraph[0]?.trim() ?? '');
      if (frame) named = [frame[1]!];
      if (!lead.endsWith(':') || named.length !== 1 || PART_OF_YEAR.test(lead)) return;
      if (new RegExp(String.raw`\b(?:since|until|till|before|after|from|than|between)\s+(?:fiscal\s+)?${named[0]}`, 'i').test(lead)) return;
      const f = sentenceFeatures(lead);
      if (f.forecast || f.hedged || f.question) return;
      const dated = { year: named[0]!, fiscal: fiscalYear(frame ? paragraph[0]! : lead, named[0]!) };
      for (const item of block.items) for (const sentence of sentencesOf([{ kind: 'paragraph', text: item }])) years.set(sentence, dated);
    });
  return years;
}

/**
 * A table's column the lesson's own sentences talk about ("its margins got thinner" beside a table of
 * revenue, deliveries and margin): the figure the article makes a point of, not one it merely lists.
 */
function discussed(level: Level, ctx: FamilyContext): boolean {
  if (!level.label) return false;
  const head = level.measure
    .split(/\s+/)
    .at(-1)!
    .replace(/[^\p{L}-]/gu, '');
  if (head.length < 3) return false;
  const word = new RegExp(String.raw`(?<![\p{L}])${head}(?:s|es)?(?![\p{L}])`, 'iu');
  return (ctx.analysis.sections[level.section]?.sentences ?? []).some((s) => word.test(s.text));
}

/**
 * "table" when every figure is from the article's only table; with two tables "the article's table" is
 * unclear (blind review v14, a19), and "figures" says enough.
 */
const tableCount = new WeakMap<object, number>();
function sourceWord(ctx: FamilyContext, allFromTables: boolean): 'table' | 'figures' {
  let tables = tableCount.get(ctx.caseStudy);
  if (tables === undefined)
    tableCount.set(
      ctx.caseStudy,
      (tables = ctx.caseStudy.sections.reduce((n, s) => n + s.blocks.filter((b) => b.kind === 'table').length, 0)),
    );
  return allFromTables && tables === 1 ? 'table' : 'figures';
}

const isPercent = (level: Level) => level.kind === '%' || level.kind.startsWith('%table:');

/**
 * How a question names a measure: a table's row or column by its label, as a sentence would name it
 * ("the number of service technicians", "the average stopper price", "roaster bad debts"), a business
 * result as the company's ("the company’s EBITDA"), else "Brannvik’s revenue".
 */
function measureName(level: Level, ctx: FamilyContext): string {
  // A row the table labels as a business result ("EBITDA ($M)", "Gross margin") is named as a sentence
  // would name it (blind review v14, a19: "the “EBITDA ($M)” figure" was clumsy); the table names no owner.
  // A unit in brackets ("($M)") is the table's, not the figure's name (blind review v14, c20).
  if (level.label) return isBusinessMeasure(level.measure) ? `the company’s ${level.measure}` : labelName(level, ctx);
  if (level.generic) return `the company’s ${level.measure}`;
  // "Brenner’s revenue" misnames "Brenner & Lutz": when the subject is part of a longer name, "the company’s".
  const apostrophe = level.sentence.includes("'") && !level.sentence.includes('’') ? "'" : '’';
  const owner =
    ctx.subject === null
      ? null
      : partOfLongerName(ctx.subject, ctx.analysis.all)
        ? 'the company'
        : `${articleOf(ctx, ctx.subject)}${ctx.subject}`;
  return owner ? `${possessiveOf(owner, apostrophe)} ${level.measure}` : level.measure;
}

/**
 * "Harrowgate Cabin Works’ revenue", not "Works’s" (blind review v18k, a58: "awkward"): a name of several
 * words that ends on a plural takes the apostrophe alone.
 */
function possessiveOf(owner: string, apostrophe: string): string {
  return /\s\S*[^s’'\s]s$/.test(owner) ? `${owner}${apostrophe}` : `${owner}${apostrophe}s`;
}

/**
 * "the " for a name the article mostly writes after "the" ("the Herald", a newspaper; blind review v18h,
 * a53: "Herald’s revenue"), else nothing.
 */
function articleOf(ctx: FamilyContext, name: string): string {
  const text = ctx.analysis.all.map((s) => s.text).join(' ');
  const escaped = escapeRegExp(name);
  const all = text.match(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'gu'))?.length ?? 0;
  const withThe = text.match(new RegExp(`\\b[Tt]he\\s+${escaped}(?![\\p{L}])`, 'gu'))?.length ?? 0;
  return all > 0 && withThe * 2 > all ? 'the ' : '';
}

/**
 * The words the article writes capitalised inside a sentence and never in lower case: names ("Kiro",
 * "Halstead's"), which a label keeps as they are.
 */
const namesCache = new WeakMap<object, Set<string>>();
function namesOf(ctx: FamilyContext): Set<string> {
  let names = namesCache.get(ctx.caseStudy);
  if (!names) {
    const lower = lowerCaseWords(ctx);
    names = new Set(
      ctx.analysis.all.flatMap((s) =>
        [...s.text.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}-]*/gu)].map((m) => m[0].toLowerCase()).filter((w) => !lower.has(w)),
      ),
    );
    namesCache.set(ctx.caseStudy, names);
  }
  return names;
}

/** A table's shorthand spelled out in a sentence ("Avg occupancy": "the average occupancy"). General English. */
const ABBREVIATED: Record<string, string> = { avg: 'average', qty: 'quantity', yr: 'year', approx: 'approximate', mgmt: 'management' };
const TABLE_ABBREVIATION = /\b(?:avg|qty|yr|approx|mgmt)\b\.?/gi;

/**
 * A table label as a noun phrase of a sentence (blind reviews v14, a19, a21, c20, c21: "did the
 * “Roaster bad debts” figure change" read as a template): its words in the article's own case, a
 * count as "the number of …", a singular measure with "the". A label a phrase cannot hold (a comma,
 * a slash, "Other …", a residue of the table) keeps its quotation marks.
 */
function labelName(level: Level, ctx: FamilyContext): string {
  const label = level
    .label!.replace(/\s*\([^)]*\)\s*/g, ' ')
    .trim()
    .replace(TABLE_ABBREVIATION, (w) => ABBREVIATED[w.toLowerCase().replace('.', '')]!);
  const quoted = `the “${label}” figure`;
  if (/[,;:/|]/.test(label) || /^(?:other|total|of which|less|net of)\b/i.test(label) || !/^[\p{L}\d][\p{L}\d\s&'’-]*$/u.test(label))
    return quoted;
  const names = namesOf(ctx);
  const phrase = label.replace(/\p{L}[\p{L}'’-]*/gu, (w) =>
    /\p{Lu}.*\p{Lu}/u.test(w) || names.has(w.toLowerCase()) ? w : w.toLowerCase(),
  );
  // The head noun decides, the last word before a preposition: "service technicians" are counted,
  // "new pallets" in a table of dollars is an amount ("the figure for new pallets"), "the year-end
  // inventory" is one amount.
  const words = phrase.split(/\s+(?:per|of|at|in|for|under|over|as|by|with|on|from|to)\s+/)[0]!.split(/\s+/);
  // "Stores supplied", "Buses delivered": a participle after the noun it counts (found while checking the
  // v18 table rule: "did the stores supplied fall").
  const head =
    words.length > 1 && /^\p{Ll}+ed$|^(?:sold|built|made|grown|held|run|taken|sent|lost|won|kept|shipped)$/u.test(words.at(-1)!)
      ? words.at(-2)!
      : words.at(-1)!;
  const plural =
    /[^su's]s$|[^aeiou]ies$|[sx]es$/i.test(head) && !/^(?:news|series|species|means|sales)$/i.test(head) ? true : /^sales$/i.test(head);
  if (/^(?:number|count|share|proportion|percentage)\b/i.test(phrase)) return `the ${phrase}`;
  // A row of a table whose corner names the measure: "Brightway private label revenue" (blind review
  // v15, a29: "the stem is missing the noun 'revenue'").
  if (level.of && !new RegExp(`\\b${level.of}\\b`, 'i').test(phrase)) return `${phrase} ${level.of}`.replace(/^\p{Ll}/u, (c) => `the ${c}`);
  // A rate is named as it is ("tonnes per cfs"), not as "the figure for tonnes per cfs" (blind review v17e, a42).
  if (plural && /\s+per\s+/.test(phrase) && !level.count && !isPercent(level)) return phrase;
  // "Avg full permits": the average number of them, not a number of averages.
  const averaged = /^average\s+(.+)$/i.exec(phrase)?.[1];
  if (plural && level.count && averaged) return `the average number of ${averaged}`;
  if (plural) return level.count ? `the number of ${phrase}` : isPercent(level) ? `the share of ${phrase}` : `the figure for ${phrase}`;
  return `the ${phrase}`;
}

/**
 * The same measure given in two sentences for two years ("revenue of €610 million" in 2018, "revenue
 * reached €684 million in 2024"): how did it change? Asked in the lesson of the later figure, so the
 * learner connects two parts of the case.
 */
/** "the company’s headcount", "Staff (FTE)", "the number of employees": how many people work there. General English. */
const HEADCOUNT =
  /(?:^|\s|’s\s|'s\s)(?:headcount|workforce|staff|staffing|employees|employee numbers|FTEs?|full-time equivalents?)(?:\s*\([^)]*\))?$|\(FTEs?\)$/i;
function isHeadcount(name: string): boolean {
  return HEADCOUNT.test(name.trim());
}

/**
 * A table's figure or a year-labelled list item's, a record of several measures side by side, when it is
 * one of the business's results: questions on two of them may share the record. Another column of the
 * same rows (contract sites, tiles sold, technicians) came out as trivia in every review of v18c–f (0 of
 * 5 as is: "a number the case never uses"): it is asked only when it is the record's best question.
 */
const inRecord = (l: Level) => Boolean(l.label || l.listed) && isBusinessMeasure(l.measure) && !isHeadcount(l.label ?? l.measure);
/** A result of the business itself (revenue, a margin, profit), not an operating count. */
const isResult = (subject: string) => isBusinessMeasure(measureTopic(subject).split('\u0000')[1]!) && !isHeadcount(subject);

function levelChanges(ctx: FamilyContext): { change: Change; sources: string[]; record?: boolean; fromStory?: boolean }[] {
  const levels = levelsOf(ctx);
  const out: { change: Change; sources: string[]; record?: boolean; fromStory?: boolean }[] = [];
  for (const later of levels.filter((l) => l.section === ctx.sectionIndex)) {
    const same = levels.filter((l) => l.measure === later.measure && l.kind === later.kind);
    // One value per year, or the article is comparing several things.
    if (same.filter((l) => l.year === later.year).length !== 1) continue;
    // A table gives a figure for every year: its first and last year make the change, not each step.
    // So does a list of years ("- 2019: revenue $4.8 million; …").
    if ((later.label || later.listed) && same.some((l) => l.year > later.year)) continue;
    // And so does a path told in one sentence ("Revenue reached £3.4 million in 2021 and £3.9 million in
    // 2023"): its last year ends the change (blind review v19a, b61: 2019 to 2021 was asked, 2023 left out).
    if (same.some((l) => l.sentence === later.sentence && l.year > later.year)) continue;
    // Two figures of one sentence are a change read there (changeIn), except a list item's comparison
    // and a table's row ("Veterinarian turnover | 21% | 10%" under "2022 | 2024"). The earliest figure,
    // one the article states before a comparison's ("up from … in 2015").
    const earliest = same
      .filter((l) => l.year < later.year && (l.sentence !== later.sentence || l.compared || l.label !== undefined))
      .sort((a, b) => Number(a.compared ?? false) - Number(b.compared ?? false) || a.year - b.year)[0];
    // A lesson that tells what happened next measures from where the lessons before it left the measure:
    // its last figure there ("FY2023, the baseline", the year of the decision), not the case's first year,
    // which reviewers called arbitrary in nearly every review (v17–v19: b61, b62, c60, c64, b67). Only for a
    // span of two years or more, so no good span becomes a one-year step (v17's try at this), and only
    // from the lesson's last figure of the measure.
    const here = same.filter((l) => l.section === later.section);
    const before = same
      .filter((l) => l.section < later.section && !l.compared && here.every((h) => h.year > l.year))
      .sort((a, b) => b.year - a.year)[0];
    const fromBefore =
      before !== undefined &&
      later.year - before.year >= 2 &&
      !here.some((h) => h.year > later.year) &&
      same.filter((l) => l.year === before.year).length === 1
        ? before
        : undefined;
    // Both spans are offered, the one from the lessons before first; a quiz asks one per measure, and the
    // first year stands in where the later span is no question (a change too small to ask, say).
    const starts = [...(fromBefore ? [fromBefore] : []), ...(earliest && earliest !== fromBefore ? [earliest] : [])];
    for (const earlier of starts) {
      if (same.filter((l) => l.year === earlier.year).length !== 1) continue;
      out.push({
        change: {
          subject: measureName(later, ctx),
          from: earlier.value,
          to: later.value,
          percent: isPercent(later),
          fromYear: String(earlier.year),
          toYear: String(later.year),
          period: periodOf(earlier, later),
          fromTable: Boolean(earlier.label && later.label),
          tableCount: Boolean(later.label && later.count),
        },
        // A table's row holds both figures: quoted once.
        sources: [...new Set([earlier.sentence, later.sentence])],
        record: inRecord(earlier) && inRecord(later),
        fromStory: earlier === fromBefore,
      });
    }
  }
  return out;
}

/**
 * "fiscal 2022 and fiscal 2024", or "the years to March 2023 and March 2025" when both end in one named
 * month; undefined for two calendar years.
 */
function periodOf(earlier: Level, later: Level): string | undefined {
  if (!earlier.fiscal && !later.fiscal) return undefined;
  const month = earlier.fiscal?.month;
  if (month && month === later.fiscal?.month) return `the years to ${month} ${earlier.year} and ${month} ${later.year}`;
  // Each year as the article names it: "fiscal 2018 and 2023".
  const name = (l: Level) => `${l.fiscal ? 'fiscal ' : ''}${l.year}`;
  return `${name(earlier)} and ${name(later)}`;
}

/** "Brenner" in an article about "Brenner & Lutz" or "Brenner and Sons". */
export function partOfLongerName(name: string, sentences: { text: string }[]): boolean {
  const escaped = escapeRegExp(name);
  const longer = new RegExp(`${escaped}\\s+(?:&|and)\\s+\\p{Lu}|\\p{Lu}\\p{Ll}+\\s+(?:&|and)\\s+${escaped}`, 'u');
  return sentences.some((s) => longer.test(s.text));
}

/** "How did X change between 2019 and 2024?" Key: the band of the article's own two figures. */
/** Why a slip's answer is wrong, in the words of the two figures. */
function slipExplained(slip: SizeSlip, option: string, change: Change): string {
  const earlier = change.fromYear ? `the ${change.fromYear} figure` : 'the earlier figure';
  const later = change.toYear ? `the ${change.toYear} figure` : 'the later figure';
  switch (slip) {
    case 'later-base':
      return `“${option}” measures the change against ${later}; a change is measured against ${earlier}, where it started.`;
    case 'share-kept':
      return `“${option}” is the share of ${earlier} that was left, not the part that was lost.`;
    case 'ratio':
      return `“${option}” is ${later} as a percentage of ${earlier}; the rise is only the part above 100%.`;
  }
}

/** Whether a sentence of the article gives the measure a change of this size in so many words ("19 per cent below"). */
function statedElsewhere(ctx: FamilyContext, subject: string, key: number): boolean {
  const head = subject
    .split(/\s+/)
    .at(-1)!
    .replace(/[’']s$/, '');
  const mentions = new RegExp(String.raw`\b${escapeRegExp(head)}`, 'i');
  const figure = String.raw`(?<![\d.,])${key}(?:\.0)?\s?(?:%|per\s?cent\b|percent\b|percentage points?\b|points?\b)`;
  // Stated as a change ("up 22%", "fell 19 per cent", "19 per cent below"), not a share ("22% of revenue").
  const stated = new RegExp(
    // ("made up 22% of revenue" is a share.)
    String.raw`\b(?:drop|fall|decline|rise|increase|gain|growth|jump|cut|reduction|decrease)\s+of\s+(?:(?:about|around|nearly|almost|some|roughly|just|more than|less than|over|under)\s+)?${figure}|` +
      String.raw`\b(?:(?<!\b(?:made|make|makes|making|took|take|takes|taking)\s)up|down|rose|fell|grew|gained|lost|increased|decreased|dropped|declined|jumped|climbed|slipped|shrank|by)\s+(?:by\s+)?(?:(?:about|around|nearly|almost|some|roughly|just|more than|less than|over|under)\s+)?${figure}|${figure}\s+(?:\w+\s+){0,1}(?:below|above|lower|higher|more|less|fewer|up|down|increase|decrease|rise|fall|drop|gain|growth|decline)\b`,
    'i',
  );
  return ctx.analysis.all.some((s) => mentions.test(s.text) && stated.test(s.text));
}

export function changeCandidates(ctx: FamilyContext): Candidate[] {
  const sentences = ctx.analysis.sections[ctx.sectionIndex]?.sentences ?? [];
  const within = sentences.flatMap((s, i) => {
    const f = sentenceFeatures(s.text);
    if (!isClaim(f) || f.hedged || f.forecast) return [];
    if (itsPointsAway(s.text, sentences[i - 1]?.text)) return [];
    const change = changeIn(s.text, ctx.subject);
    return change ? [{ change, sources: [s.text] }] : [];
  });
  return [...within, ...levelChanges(ctx)].flatMap(({ change, sources, ...rest }): Candidate[] => {
    const record = 'record' in rest && rest.record === true;
    const fromStory = 'fromStory' in rest && rest.fromStory === true;
    const s = { text: sources.join(' … ') };
    // How many people a firm employs is a side fact on its own: two reviewers called its change trivia
    // (blind review v18c, b49 and c49: "it would only teach something set against flat volume"). It is
    // read against another result instead (comparisonCandidates).
    if (isHeadcount(change.subject)) return [];
    // Nor is a count a table lists beside the results ("Events supplied", "Active clients"): its change was
    // trivia in every review, 0 of 7 as is over v18–v19 ("a number the case never uses", v19b a63, a64).
    if (change.tableCount) return [];
    const size = sizeOptions(change.from, change.to, change.percent);
    if (size === null) return [];
    // "Admissions in 2023 were still 19 per cent below 2019": a key the article states of the same measure
    // for another span is found by recognition, not worked out (blind review v17b, a39).
    if (size.scale !== 'times' && statedElsewhere(ctx, change.subject, size.key)) return [];
    const rng = streamFor('change', s.text);
    // Half a period is a guess: the article may give the measure for other years too (blind review
    // v9: "rose from 45% in 2022 to 61%" asked without a period, three answers defensible). And a
    // change with no year at all ("Membership fell from 118 to 96") is a stem without its period:
    // reviewers called every one vague (blind review v12: 3 of 3), so only a dated change is asked.
    if (!change.fromYear || !change.toYear) return [];
    const span = ` between ${change.period ?? `${change.fromYear} and ${change.toYear}`}`;
    const base = change.base ? ` (as a share ${change.base})` : '';
    // The learner works the size out from two figures: "according to the article" read as if it were stated (blind review v9).
    // "By how much" could be read as money until the options are seen (blind review v14): a percentage
    // change says so.
    const source = sourceWord(ctx, change.fromTable ?? false);
    const approximate = Math.abs(exactSize(size.scale, change.from, change.to) - size.key) >= 0.05;
    const direction = sizeDirection(size.scale);
    const how = size.scale === 'rise' || size.scale === 'fall' ? 'what percentage' : 'how many percentage points';
    const stem =
      direction === null
        ? // "By how many times did it grow" reads as growth on top of the start (1.9 for 2.9 times, blind
          // review v14, c20): the options say what it grew to.
          `From the article’s ${source}, how did ${change.subject}${base} change${span}?`
        : `From the article’s ${source}, by ${approximate ? 'about ' : ''}${how} did ${change.subject}${base} ${direction}${span}?`;
    const unit = change.percent ? '%' : '';
    const label = (v: number) => sizeOption(size.scale, v, change.fromYear, approximate);
    const keyLabel = label(size.key);
    const claim = sizeClaim(size.scale, size.key, change.fromYear, approximate);
    const labelled = new Map([size.key, ...size.distractors].map((v) => [label(v), v]));
    // The most tempting wrong answer, which the explanation takes up, is a slip's when there is one.
    const slip = size.slips[0];
    const distractors = slip ? [slip.value, ...size.distractors.filter((v) => v !== slip.value)] : size.distractors;
    return singleChoice({
      family: 'change',
      level: 'apply',
      rng,
      stem,
      key: keyLabel,
      distractors: distractors.map(label),
      // Smallest change first, as a learner who has worked the change out scans for it.
      orderBy: (option) => labelled.get(option)!,
      explain: (tempting) =>
        `The article gives both figures: “${s.text}” From ${formatNumber(change.from)}${unit} to ${formatNumber(change.to)}${unit} ` +
        `is ${difference(change)}, so it ${claim}. ` +
        (slip ? slipExplained(slip.slip, tempting, change) : `“${tempting}” is too far from those two numbers.`),
      source: s.text,
      // A result of the business before an operating count of the same lesson (blind review v18f, c52:
      // "contract sites", "a number the case never uses", asked where revenue was at hand).
      // A span from where the lessons before left the measure comes before one from the case's first year.
      score: (sources.length > 1 ? 0.8 : 0.78) + (isResult(change.subject) ? 0.01 : 0) + (fromStory ? 0.005 : 0),
      // A band ("Fell by about 25%.") is a point on a fixed scale, not a key that gives another question
      // away: two changes of the same size may both be asked.
    }).map((c) => ({
      ...c,
      sources,
      keys: [],
      topic: measureTopic(change.subject),
      topicYears: [Number(change.fromYear), Number(change.toYear)],
      ...(record ? { record: { measures: [measureTopic(change.subject)] } } : {}),
    }));
  });
}

/**
 * The years of a series as the article names them: "2019, 2020 and 2022", "the years to March 2022,
 * 2023 and 2024", "fiscal 2021, 2022 and 2023"; "the years from 2015 to 2022" for a long one.
 */
function yearsOf(series: Level[]): string {
  const years = series.map((l) => l.year);
  const month = series[0]!.fiscal?.month;
  const prefix =
    month && series.every((l) => l.fiscal?.month === month) ? `the years to ${month} ` : series.some((l) => l.fiscal) ? 'fiscal ' : '';
  if (years.length > 5) return prefix ? `${prefix}${years[0]} to ${years.at(-1)}` : `the years from ${years[0]} to ${years.at(-1)}`;
  // "over 2019, 2020, 2021, 2022 and 2023" read as clumsy (blind reviews v16, a30 and a32): a run of
  // every year is named by its ends.
  if (years.length >= 4 && years.every((y, i) => i === 0 || y === years[i - 1]! + 1))
    return prefix === 'fiscal ' ? `fiscal ${years[0]} to ${years.at(-1)}` : `${prefix || 'the years '}${years[0]} to ${years.at(-1)}`;
  return `${prefix}${years.slice(0, -1).join(', ')} and ${years.at(-1)}`;
}

/** The measure a question asks about, whoever owns it: "Halvorsen’s revenue" and "the company’s revenue" are one. */
function measureTopic(subject: string): string {
  return `measure\u0000${subject
    .toLowerCase()
    .replace(/^.*?(?:['’]s|s['’])\s+/, '')
    .replace(/^the\s+/, '')}`;
}

/** The path of a measure given for three years or more, from its first figure to its last. */
export type TrendShape = 'up' | 'down' | 'dip-above' | 'dip-below' | 'peak-above' | 'peak-below';

const TREND_LABEL: Record<TrendShape, (first: string) => string> = {
  // "At every step" read as an absolute that gives itself away (blind review v9). Every path is told in
  // the same words and about the same length: "Rose, then fell back, but stayed above its 2019 level"
  // was the longest option and the key (blind review v14, a22; v15, a23).
  up: (first) => `Kept rising, ending above its ${first} level.`,
  down: (first) => `Kept falling, ending below its ${first} level.`,
  'dip-above': (first) => `Fell, then rose, ending above its ${first} level.`,
  'dip-below': (first) => `Fell, then rose, ending below its ${first} level.`,
  'peak-above': (first) => `Rose, then fell, ending above its ${first} level.`,
  'peak-below': (first) => `Rose, then fell, ending below its ${first} level.`,
};
/** Wrong shapes a careful reader must rule out, nearest first: the same turn on the other side, then no turn. */
const TREND_NEAR: Record<TrendShape, TrendShape[]> = {
  // A path in the other direction throughout is ruled out by the story (blind review v14, c22: "in a case
  // about raising wages, the two 'Fell…' options are ones no reader would consider"): the wrong paths turn.
  up: ['peak-above', 'dip-above', 'peak-below'],
  down: ['dip-below', 'peak-below', 'dip-above'],
  'dip-above': ['dip-below', 'up', 'peak-above'],
  'dip-below': ['dip-above', 'down', 'peak-below'],
  'peak-above': ['peak-below', 'up', 'dip-above'],
  'peak-below': ['peak-above', 'down', 'dip-below'],
};

/**
 * The shape of a series, or null when a step is too small to call (a learner could read it either
 * way) or the series turns more than once.
 */
export function trendShape(values: number[], percent: boolean): TrendShape | null {
  if (values.length < 3) return null;
  const clear = (a: number, b: number) => (percent ? Math.abs(b - a) >= 1 : Math.abs(Math.log(b / a)) >= 0.03);
  if (values.slice(1).some((v, i) => !clear(values[i]!, v)) || !clear(values[0]!, values.at(-1)!)) return null;
  // An end back near the start, beside a path that went far (£180k → £1,060k → £190k): which side of the
  // start it ended on means nothing for the case, and is all that tells two options apart (blind review v18b, a48).
  if (Math.abs(values.at(-1)! - values[0]!) < 0.1 * (Math.max(...values) - Math.min(...values))) return null;
  const steps = values.slice(1).map((v, i) => Math.sign(v - values[i]!));
  const turns = steps.slice(1).filter((s, i) => s !== steps[i]).length;
  if (turns === 0) return steps[0]! > 0 ? 'up' : 'down';
  if (turns > 1) return null;
  const above = values.at(-1)! > values[0]!;
  return steps[0]! < 0 ? (above ? 'dip-above' : 'dip-below') : above ? 'peak-above' : 'peak-below';
}

/**
 * A measure the article gives for three years or more, in different places ("EBITDA margin of 11%"
 * in 2015, "7.8%" in 2018, "14.2%" in 2021): which path did it take? Asked in the lesson of the
 * latest figure; the learner has to put together figures from several parts of the case.
 */
export function trendCandidates(ctx: FamilyContext): Candidate[] {
  const levels = levelsOf(ctx);
  return levels
    .filter((last) => last.section === ctx.sectionIndex)
    .flatMap((last): Candidate[] => {
      const same = levels.filter((l) => l.measure === last.measure && l.kind === last.kind && l.year <= last.year);
      const years = [...new Set(same.map((l) => l.year))].sort((a, b) => a - b);
      // The latest figure of its measure, one value per year, three years or more.
      if (years.at(-1) !== last.year || years.length < 3 || levels.some((l) => l.measure === last.measure && l.year > last.year)) return [];
      if (years.some((y) => same.filter((l) => l.year === y).length !== 1)) return [];
      const series = years.map((y) => same.find((l) => l.year === y)!);
      // A path needs every figure of the measure: a sentence naming it with a number and a year that
      // was not read as one level ("rose to $9.4 million in 2015, $19.8 million in 2016 …") may hold
      // the turn the question would miss.
      const head = last.measure.split(' ').at(-1)!;
      const mentions = new RegExp(String.raw`\b${head}`, 'i');
      // "£1.9 million (41% of revenue) from its largest client", "on £300,000 less revenue": a share of
      // the measure or a difference in it is no level of it (blind review v18e, a51: the revenue path went
      // unasked for those two sentences).
      const shareOf = new RegExp(
        String.raw`\d[\d.,]*\s?(?:(?:%|per\s?cent\b|percent\b)\s+of\s+(?:(?:its|the|total|annual|group|company)\s+)*|(?:million|m|k|bn|billion|thousand)?\s+(?:less|more|lower|higher)\s+)${head}`,
        'gi',
      );
      const read = new Set(series.map((l) => l.sentence));
      if (
        ctx.analysis.all.some(
          (s) =>
            // A forecast ("projects revenue of $230 million in 2025") is no point on the path so far.
            !read.has(s.text) &&
            !s.features.forecast &&
            mentions.test(s.text.replace(shareOf, '')) &&
            /\d/.test(s.text.replace(SENTENCE_YEAR, '')) &&
            // Only a year within the path's span can hide a turn in it ("in 2009, when the company had
            // annual revenue of about $900,000" says nothing of 2021 to 2023).
            (s.text.match(SENTENCE_YEAR) ?? []).some((y) => Number(y) >= years[0]! && Number(y) <= years.at(-1)!),
        )
      )
        return [];
      if (isHeadcount(last.label ?? last.measure)) return [];
      const shape = trendShape(
        series.map((l) => l.value),
        isPercent(last),
      );
      if (shape === null) return [];
      // "Rose … without a fall in between" claims every year of the span: with years missing (2019,
      // 2022, 2024), a dip in between may be what the article tells in words (blind review v13, a10).
      if ((shape === 'up' || shape === 'down') && years.some((y, i) => i > 0 && y !== years[i - 1]! + 1)) return [];
      const first = String(years[0]);
      const subject = measureName(last, ctx);
      const sources = [...new Set(series.map((l) => l.sentence))];
      const source = sources.join(' … ');
      const key = TREND_LABEL[shape](first);
      const unit = isPercent(last) ? '%' : '';
      const path = series.map((l) => `${formatNumber(l.value)}${unit} in ${l.year}`).join(', ');
      return singleChoice({
        family: 'trend',
        level: 'understand',
        rng: streamFor('trend', source),
        // "Which path did … take" read as a template (blind review v14, a22 and c22): the stem names the
        // years whose figures the learner puts together.
        stem: `From the article’s ${sourceWord(
          ctx,
          series.every((l) => l.label),
        )}, how did ${subject} change over ${yearsOf(series)}?`,
        key,
        distractors: TREND_NEAR[shape].map((s) => TREND_LABEL[s](first)),
        explain: (tempting) =>
          `The article gives ${subject} for ${years.length} years: ${path}. So it ${key.charAt(0).toLowerCase() + key.slice(1, -1)}. ` +
          `“${tempting}” does not fit those figures.`,
        source,
        // A path that turns is the story; one that never does is only a direction, which the case
        // already tells (blind review v17a, a38: "the share rises steadily, so the 'fell' options fool no
        // one; ask about the margin's dip before the recovery"). Where both share a table, the turn is asked.
        score: (shape === 'up' || shape === 'down' ? 0.74 : 0.82) + (discussed(last, ctx) ? 0.02 : 0),
      }).map((c) => ({
        ...c,
        sources,
        topic: measureTopic(subject),
        topicYears: years,
        ...(series.every(inRecord) ? { record: { measures: [measureTopic(subject)] } } : {}),
      }));
    });
}

/** Measures that name one thing: a pair of them is no comparison ("revenue" beside "sales"). */
const SAME_THING = [/^(?:revenue|sales|turnover)$/i];

/**
 * Two measures the article gives for the same two years ("revenue" and "headcount" in 2019 and in 2024):
 * which way did each move? The case's outcome read together, as blind reviewers asked for in place of a
 * single change ("revenue rose while the margin fell from 14.2% to 12.8%: ask about the margin squeeze",
 * v9; "profit rose while gross margin fell", v14). The four options are the four pairs of directions;
 * the key is computed from the article's own figures, and a move too small to call is not asked.
 */
export function comparisonCandidates(ctx: FamilyContext): Candidate[] {
  return (comparisonsOf(ctx).get(ctx.sectionIndex) ?? []).flatMap(({ four, da, db }) => comparisonQuestion(ctx, four, da, db));
}

interface Comparison {
  four: Level[];
  da: 'rose' | 'fell';
  db: 'rose' | 'fell';
}

/** Every pair of results that moved apart, by the lesson of its latest figure; read once per article. */
const comparisonCache = new WeakMap<object, Map<number, Comparison[]>>();
function comparisonsOf(ctx: FamilyContext): Map<number, Comparison[]> {
  const hit = comparisonCache.get(ctx.analysis);
  if (hit) return hit;
  const series = new Map<string, Level[]>();
  // Two of the business's own results (revenue, a margin, profit, headcount), read together; a rate
  // of rejects beside revenue pairs two unrelated figures (blind review v14, a17).
  for (const l of levelsOf(ctx).filter((l) => isBusinessMeasure(l.measure))) {
    const key = `${l.kind}\u0000${l.measure}`;
    series.set(key, [...(series.get(key) ?? []), l]);
  }
  const usable = [...series.values()].filter((ls) => ls.every((l) => ls.filter((o) => o.year === l.year).length === 1));
  const bySection = new Map<number, Comparison[]>();
  for (let i = 0; i < usable.length; i++)
    for (let j = i + 1; j < usable.length; j++) {
      const [a, b] = [usable[i]!, usable[j]!];
      if (SAME_THING.some((re) => re.test(a[0]!.measure) && re.test(b[0]!.measure))) continue;
      // Headcount means something beside what the people produce, not beside a margin ("EBITDA margin
      // fell while headcount rose": "headcount is a side detail", blind review v18e, c51).
      // "gross margin fell while EBITDA rose", where the article also gives EBITDA's own margin, which fell:
      // the money and the margin of one profit read both ways (blind review v18h, b53).
      const ownMargin = (money: Level[], pct: Level[]) =>
        !isPercent(money[0]!) &&
        isPercent(pct[0]!) &&
        usable.some((ls) => ls[0]!.measure.toLowerCase() === `${money[0]!.measure} margin`.toLowerCase());
      if (ownMargin(a, b) || ownMargin(b, a)) continue;
      const people = [a, b].filter((ls) => isHeadcount(ls[0]!.label ?? ls[0]!.measure));
      if (people.length === 2 || (people.length === 1 && ![a, b].some((ls) => SAME_THING[0]!.test(ls[0]!.measure)))) continue;
      const years = a.map((l) => l.year).filter((y) => b.some((l) => l.year === y));
      if (years.length < 2) continue;
      const [first, last] = [Math.min(...years), Math.max(...years)];
      const at = (ls: Level[], y: number) => ls.find((l) => l.year === y)!;
      const four = [at(a, first), at(a, last), at(b, first), at(b, last)];
      const da = direction(four[0]!, four[1]!);
      const db = direction(four[2]!, four[3]!);
      // Only two results that moved apart (revenue up, margin down): when both rose, the two options with
      // a fall are ruled out by the story the article tells (blind review v14, a19 and a21).
      if (!da || !db || da === db) continue;
      // Asked in the lesson of the latest of the four figures.
      const section = Math.max(...four.map((l) => l.section));
      bySection.set(section, [...(bySection.get(section) ?? []), { four, da, db }]);
    }
  comparisonCache.set(ctx.analysis, bySection);
  return bySection;
}

const BUSINESS_MEASURE = new RegExp(`^${MEASURE}$`, 'i');
export function isBusinessMeasure(measure: string): boolean {
  return BUSINESS_MEASURE.test(measure.replace(/\s*\([^)]*\)\s*/g, ' ').trim());
}

/** "rose" or "fell", or null when the move is too small to call either way. */
function direction(from: Level, to: Level): 'rose' | 'fell' | null {
  const clear = isPercent(to) ? Math.abs(to.value - from.value) >= 1 : Math.abs(Math.log(to.value / from.value)) >= 0.05;
  return clear ? (to.value > from.value ? 'rose' : 'fell') : null;
}

/**
 * "£0.9m of gross margin", "15% of gross margin": an article that also counts a margin in money makes
 * "gross margin fell" ambiguous beside a falling percentage (blind review v18g, c54: the pounds rose).
 */
function marginAlsoAnAmount(ctx: FamilyContext, measure: string): boolean {
  if (!/margin$/i.test(measure)) return false;
  const amount = new RegExp(
    String.raw`(?:[$€£¥]\s?\d[\d.,]*\s?(?:m|bn|k|million|billion|thousand)?|\d[\d.,]*\s?(?:%|per\s?cent|percent))\s+of\s+(?:the\s+|its\s+)?${escapeRegExp(measure)}\b`,
    'i',
  );
  return ctx.analysis.all.some((s) => amount.test(s.text));
}

function comparisonQuestion(ctx: FamilyContext, [a1, a2, b1, b2]: Level[], da: 'rose' | 'fell', db: 'rose' | 'fell'): Candidate[] {
  // "The company’s revenue and headcount"; a table's rows by their labels, as the table names them.
  // Both are business results (comparisonCandidates): named as a sentence names them, the owner once.
  const label = (l: Level) => (isPercent(l) && marginAlsoAnAmount(ctx, l.measure) ? `${l.measure} percentage` : l.measure);
  const bothTable = Boolean(a2!.label && b2!.label);
  if (Boolean(a2!.label) !== Boolean(b2!.label)) return [];
  const owner = measureName(a2!, ctx).replace(new RegExp(`${escapeRegExp(a2!.measure)}$`), '');
  const named = `${owner}${label(a2!)} and ${label(b2!)}`;
  const period = periodOf(a1!, a2!) ?? `${a1!.year} and ${a2!.year}`;
  if ((periodOf(b1!, b2!) ?? `${b1!.year} and ${b2!.year}`) !== period) return [];
  const [nameA, nameB] = [label(a2!), label(b2!)];
  const capital = (s: string) => (/^\p{Ll}/u.test(s) && !/^\p{Ll}+\p{Lu}/u.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  const option = (x: 'rose' | 'fell', y: 'rose' | 'fell') => `${capital(nameA)} ${x} ${x === y ? 'and' : 'while'} ${nameB} ${y}.`;
  const all = [option('rose', 'rose'), option('rose', 'fell'), option('fell', 'rose'), option('fell', 'fell')];
  const key = option(da, db);
  const unit = (l: Level) => (isPercent(l) ? '%' : '');
  const figures = (x: Level, y: Level) => `${formatNumber(x.value)}${unit(x)} to ${formatNumber(y.value)}${unit(y)}`;
  const sources = [...new Set([a1!, a2!, b1!, b2!].map((l) => l.sentence))];
  const source = sources.join(' … ');
  return singleChoice({
    family: 'comparison',
    level: 'analyze',
    rng: streamFor('comparison', source),
    stem: `From the article’s ${sourceWord(ctx, bothTable && Boolean(a1!.label && b1!.label))}, how did ${named} change between ${period}?`,
    key,
    distractors: all.filter((o) => o !== key),
    explain: (tempting) =>
      `The article gives both for ${a1!.year} and ${a2!.year}: ${nameA} went from ${figures(a1!, a2!)}, and ${nameB} from ${figures(b1!, b2!)}. ` +
      `“${tempting}” does not fit those figures.`,
    source,
    score: 0.85,
  }).map((c) => ({
    ...c,
    sources,
    keys: [],
    ...([a1!, a2!, b1!, b2!].every(inRecord)
      ? { record: { measures: [measureTopic(measureName(a2!, ctx)), measureTopic(measureName(b2!, ctx))] } }
      : {}),
  }));
}
