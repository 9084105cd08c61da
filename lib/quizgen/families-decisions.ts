import { numberWord, trueFalsePrompt } from './language';
import nlp from 'compromise';
import { sentencesOf } from '@/lib/case-study/parse';
import type { ContentBlock } from '@/lib/case-study/types';
import { streamFor, type Candidate, type FamilyContext } from './candidate';
import { contentWords, isFunctionWord, sentenceFeatures, stripLeadIn } from './sentence-features';

/**
 * A choice the article reports with the alternative it turned down: "decided to settle rather than
 * fight a public dispute", "restructuring the programme rather than abandoning it". Swapping the two
 * keeps the sentence grammatical and plausible (both courses were on the table) and makes it false,
 * so only a reader who knows which way the case went can tell. Blind reviewers asked for the case's
 * decisions and their alternatives rather than the figures around them.
 */
export interface Alternatives {
  /** The course taken, as written: "settle and pay for the re-coating". */
  chosen: string;
  /** The course turned down: "fight a public dispute with a reference customer". */
  rejected: string;
  /** The sentence with the two swapped. */
  swapped: string;
  sentence: string;
}

const MARKER = /,?\s+(rather than|instead of)\s+/i;
// A pronoun in the turned-down course would point forward once it moves first ("close them rather than
// keep the copper lines"); a possessive of the subject ("rest on its laurels") stays clear.
const PRONOUN = /\b(?:it|them|they|this|that|these|those|him|he|she|us|we|our|you|your)\b/i;
const PERSONAL = /\b(?:us|we|our|you|your)\b/i;
// A gerund that opens the sentence is its subject, and what follows the marker runs on into the main
// clause ("Subcontracting the framing let the firm grow … instead of turning into …", blind review v18c,
// a49): only a gerund after a preposition is a course.
const GERUND_LEAD = /\b(?:by|of|for|on|in|from|about|without|through)\s+$/i;

/** "to A rather than B" (both bare verbs) or "A-ing rather than / instead of B-ing". */
export function alternativesIn(sentence: string): Alternatives | null {
  const text = stripLeadIn(sentence.trim());
  const m = MARKER.exec(text);
  if (!m || MARKER.test(text.slice(m.index + m[0].length))) return null;
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  // The turned-down course runs to the end of its clause.
  const end = /[,;:.!]/.exec(after)?.index ?? after.length;
  const rejected = after.slice(0, end).trim();
  const tail = after.slice(end);
  const firstOfRejected = rejected.split(/\s+/)[0] ?? '';
  let start: number;
  if (/ing$/i.test(firstOfRejected)) {
    // "restructuring the programme rather than abandoning it": the chosen course opens on a gerund too.
    // It must open the sentence or follow a preposition ("by restructuring"), not be a noun ("pricing strategy").
    const gerunds = [...before.matchAll(/(?:^|\s)(\p{L}+ing)\b/giu)].filter((g) => {
      const at = g.index! + (g[0].startsWith(' ') ? 1 : 0);
      return GERUND_LEAD.test(before.slice(0, at));
    });
    const last = gerunds.at(-1);
    if (!last) return null;
    start = last.index! + (last[0].startsWith(' ') ? 1 : 0);
  } else {
    if (m[1]!.toLowerCase() !== 'rather than') return null;
    // "had to come from utilisation rather than price": one word turned down is set against a noun of
    // the chosen course, not the course (blind review v18d, b50).
    if (rejected.split(/\s+/).length < 2) return null;
    // "decided to A rather than B": the chosen course follows the last "to", a bare verb like B's.
    const to = before.toLowerCase().lastIndexOf(' to ');
    if (to < 0) return null;
    start = to + 4;
    // Both courses open on a bare verb ("to settle … rather than fight …"), not "a risk to be managed
    // rather than a project".
    const isVerb = (word: string) => nlp(`They will ${word} it.`).terms().eq(2).has('#Verb');
    if (!isVerb(firstOfRejected) || !isVerb(before.slice(start).split(/\s+/)[0] ?? '') || /^be$/i.test(firstOfRejected)) return null;
  }
  const chosen = before
    .slice(start)
    .replace(/[,;]\s*$/, '')
    .trim();
  const words = (s: string) => s.split(/\s+/).length;
  if (words(chosen) < 2 || words(chosen) > 16 || words(rejected) < 1 || words(rejected) > 14) return null;
  // A pronoun in either course would point the wrong way once the two swap places.
  if (PRONOUN.test(rejected) || PERSONAL.test(chosen) || /\d/.test(rejected) || /["“”]/.test(text)) return null;
  const head = before.slice(0, start);
  const comma = m[0].startsWith(',') ? ',' : '';
  const swapped = `${head}${rejected}${comma} ${m[1]} ${chosen}${tail}`;
  return { chosen, rejected, swapped, sentence };
}

export function decisionCandidates(ctx: FamilyContext): Candidate[] {
  const sentences = ctx.analysis.sections[ctx.sectionIndex]?.sentences ?? [];
  return sentences.flatMap((s): Candidate[] => {
    const f = sentenceFeatures(s.text);
    if (f.question || f.personal || f.figurative || f.forecast || f.hedged || f.needsContext || f.imperative) return [];
    const alt = alternativesIn(s.text);
    if (!alt) return [];
    const rng = streamFor('decision', s.text);
    const truth = rng.next() < 0.5;
    const shown = (truth ? stripLeadIn(s.text.trim()) : alt.swapped).replace(/[.!]+$/, '');
    const statement = shown.charAt(0).toLowerCase() === shown.charAt(0) ? shown : lowerIfCommon(shown);
    return [
      {
        question: {
          type: 'true_false',
          family: 'decision',
          level: 'understand',
          prompt: trueFalsePrompt(statement),
          answer: truth,
          explanation: truth
            ? `True. The article reports the choice and the alternative it turned down: “${s.text}”`
            : `False. It was the other way round: the case chose to ${alt.chosen}, not to ${alt.rejected}. The article says: “${s.text}”`,
          source: s.text,
        },
        score: 0.8,
        keys: [alt.chosen, alt.rejected],
        sources: [s.text],
      },
    ];
  });
}

/** "Magnussen's decision …" keeps its capital; "Selling on fuel savings …" becomes "selling on …". */
function lowerIfCommon(text: string): string {
  const first = nlp(text).terms().first();
  return first.has('(#ProperNoun|#Person|#Organization|#Acronym)') ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The options a case lays out and the one that was taken: "The first was to renew all 18 hotels …
 * The second was … The third was …", later "the board chose the third option". Asked as "which of the
 * options did the board choose?", with the options the article itself names as the wrong answers:
 * each was really on the table, so each is plausible, and only the one the article says was taken is
 * right. Read only when the options are numbered in order in one lesson and the choice names exactly
 * one of them by its number ("chose the third option", "approved option three"), never a mix of two.
 */
const ORDINALS: Record<string, number> = {
  first: 0,
  second: 1,
  third: 2,
  fourth: 3,
  fifth: 4,
  one: 0,
  two: 1,
  three: 2,
  four: 3,
  five: 4,
  a: 0,
  b: 1,
  c: 2,
  d: 3,
  e: 4,
  '1': 0,
  '2': 1,
  '3': 2,
  '4': 3,
  '5': 4,
};
// An aside between an option's number and its verb: a relative clause ("which the dealers preferred")
// or a participle with its agent ("backed by two directors"), between commas.
const ASIDE = String.raw`(?:,\s+(?:(?:which|who|whom)\b[^,]{2,60}|\p{Ll}+ed\s+by\b[^,]{2,60}),)?`;
// "The simplest was to sell. A second option was to shrink.": a superlative opens a list as its first.
const SUPERLATIVE = String.raw`most\s+\p{Ll}+|\p{Ll}{2,}est`;
const OPTION_SENTENCE = new RegExp(
  String.raw`^(?:(?:The|An?)\s+(first|second|third|fourth|fifth|${SUPERLATIVE})(?:\s+(?:option|course|path|alternative|choice|scenario|proposal))?|Option\s+(one|two|three|four|five|[A-E1-5]))${ASIDE}\s+(?:was|would be|involved|meant|called for)\s+(.+?)[.!]?$`,
  'iu',
);
// "Option A, “last man standing.”", "Option B: sell." or "Option 2: sell." — a labelled option, its label the course.
const OPTION_LABEL = /^Option\s+(one|two|three|four|five|[A-E1-5])\s*[,:.]\s+[“"]?(.+?)[.!]?[”"]?[.!]?$/i;
// "First, buy all four stores …", "Second, decline …": an option told as an instruction.
const OPTION_ADVERB = /^(First|Second|Third|Fourth|Fifth|Finally),\s+(\p{Ll}+\b.+?)[.!]?$/u;
const CHOOSE = String.raw`(?:chose|approved|picked|selected|backed|adopted|opted for|went with|settled on|voted for)`;
const CHOICE = new RegExp(
  String.raw`^(.{2,80}?)\s+${CHOOSE}\s+(?:an?\s+(?:modified\s+|revised\s+)?(?:version|variant)\s+of\s+)?(?:the\s+)?(?:(first|second|third|fourth|fifth)\s+(?:option|course|path|alternative|choice|scenario|proposal)|option\s+(one|two|three|four|five|[A-E1-5]))\b(.*)$`,
  'i',
);
// "MacLeod chose the electric option", "the board chose the business pivot": an option named by its own words.
// "the board chose triage": an option named by a bare word of its own.
const CHOICE_NAMED = new RegExp(String.raw`^(.{2,80}?)\s+${CHOOSE}\s+(?:the\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\b(.*)$`, 'u');
const GENERIC_HEAD = /^(?:option|options|course|path|alternative|choice|scenario|proposal|plan|route|one)$/i;
// "with elements of the first": the option mixed in, by its number.
const MIXED_IN = /\b(?:the\s+)?(first|second|third|fourth|fifth)\b|\boption\s+(one|two|three|four|five|[A-E1-5])\b/i;
// "chose the third option, combined with a softer version of the first": a mix of two is no one option.
// "chose Option 3, with a scaled-down Option 4" (blind review v18e, c51).
const MIXED =
  /\b(?:combined|together with|along with|mix|blend|elements? of|version of|parts? of|plus)\b|\bwith\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){0,3}(?:option|the\s+(?:first|second|third|fourth|fifth))\b/i;

const OPTIONS_WORD =
  /\b(?:options|alternatives|choices|courses of action|paths|scenarios|proposals|approaches|responses|strategies|routes)\b/i;
const COUNTED_OPTIONS =
  /\b(two|three|four|five|six)\s+(?:\w+\s+)?(?:options|alternatives|choices|courses|paths|scenarios|proposals|approaches|responses|strategies|routes)\b/i;
const COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };

/** Whether a word reads as a verb after a subject ("Four emerged …"), not a noun ("Four problems …"). */
function isVerb(word: string): boolean {
  return nlp(`They ${word} quickly.`).terms().eq(1).has('#Verb') && !nlp(word).has('#Noun');
}

export interface OptionList {
  section: number;
  options: { text: string; sentence: string }[];
  /** Told as a list block ("1. Stay with combustion. …"), not in sentences ("The first was …"). */
  listed?: boolean;
  /** Each option named by its label ("Option A: …", "Option B was …"). */
  labelled?: boolean;
}

export interface OptionItem {
  /** The option as the article names it: "Stay with combustion and focus on intercity". */
  name: string;
  /** The item's sentences, verbatim. */
  sentences: string[];
  /** Whether the first sentence is the option's short name, the rest saying more. */
  titled: boolean;
}

/**
 * Options told as paragraphs, each opening on its name ("Okafor presented the board with three
 * options. | **Dual-track.** Pellham would sell both products … | **Cloud-first.** … | **Harvest.** …"):
 * read as the list they are, when the paragraph before them counts them and exactly that many
 * paragraphs follow, each opening on a short title of its own (not "It worked." or "The board met.").
 */
function withTitledParagraphs(blocks: ContentBlock[]): ContentBlock[] {
  const out: ContentBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    out.push(block);
    if (block.kind !== 'paragraph') continue;
    const lead = sentencesOf([block]).at(-1) ?? '';
    const count = /\b(two|three|four|five|six)\b/i.exec(lead);
    const n = count ? COUNT[count[1]!.toLowerCase()]! : 0;
    if (n < 3 || !OPTIONS_WORD.test(lead)) continue;
    const run = blocks.slice(i + 1, i + 1 + n);
    const titled = (b: ContentBlock | undefined) => {
      if (b?.kind !== 'paragraph') return false;
      const sentences = sentencesOf([b]);
      const first = sentences[0]?.trim() ?? '';
      return (
        sentences.length >= 2 &&
        /^[\p{Lu}][^.!?]*\.$/u.test(first) &&
        first.split(/\s+/).length <= 6 &&
        !/^(?:it|its|this|that|these|those|they|he|she|we|the|a|an|there|then)\b/i.test(first)
      );
    };
    if (run.length !== n || !run.every(titled) || titled(blocks[i + 1 + n])) continue;
    out.push({ kind: 'list', ordered: false, items: run.map((b) => (b.kind === 'paragraph' ? b.text : '')) });
    i += n;
  }
  return out;
}

/**
 * Options told as a list the article introduces as options ("Management brought four options to the
 * board:"), each item opening on a short name of the option ("Stay with combustion.") or on the course
 * itself ("Build a second brewery near Denver, adding …, but requiring …"). A list whose size
 * disagrees with the count the article states is something else, or misses an option.
 */
export function optionItemLists(given: ContentBlock[]): OptionItem[][] {
  const lists: OptionItem[][] = [];
  const blocks = withTitledParagraphs(given);
  blocks.forEach((block, i) => {
    if (block.kind !== 'list' || block.items.length < 3) return;
    const before = blocks[i - 1];
    if (before?.kind !== 'paragraph') return;
    // The sentence that opens the list names the options, or leaves its noun out ("They came back with
    // four:", "… proposed the following:") after a sentence of the same paragraph that names them ("…
    // work the options through"). "Three problems came to a head:" names a noun of its own.
    const said = sentencesOf([before]);
    const lead = said.at(-1) ?? '';
    // "Four emerged as serious:", "Three stood out:": a count followed by a verb, its noun left out.
    const counted = /\b(two|three|four|five|six)\s+(\p{L}+)\b[^:]*:$/iu.exec(lead.trim());
    const elided =
      /\b(?:two|three|four|five|six|the following|these|as follows)\s*:$/i.test(lead.trim()) ||
      (counted !== null && COUNT[counted[1]!.toLowerCase()] === block.items.length && isVerb(counted[2]!));
    // "… to develop three alternatives for the board. Each was modelled over 15 years.": an earlier
    // sentence of the paragraph names the options and their count, and the list has that many items.
    const countedEarlier = said.slice(-3, -1).some((x) => {
      const c = COUNTED_OPTIONS.exec(x);
      return c !== null && COUNT[c[1]!.toLowerCase()] === block.items.length;
    });
    if (!OPTIONS_WORD.test(lead) && !(elided && said.slice(-3, -1).some((x) => OPTIONS_WORD.test(x))) && !countedEarlier) return;
    const stated = COUNTED_OPTIONS.exec(lead) ?? /\b(two|three|four|five|six):$/i.exec(lead.trim());
    if (stated && COUNT[stated[1]!.toLowerCase()] !== block.items.length) return;
    const items = block.items.map((item): OptionItem | null => {
      const sentences = sentencesOf([{ kind: 'paragraph', text: item }]);
      const first = sentences[0]?.trim().replace(/[.!:]+$/, '') ?? '';
      const titled = sentences.length >= 2 && first.split(/\s+/).length <= 12;
      // "Covered aerated static piles (CASP)": the initials the article coins add length, not meaning (v17g, c44).
      const name = (titled ? first : optionText(first))?.replace(/\s*\((?:\p{Lu}{2,6})\)/gu, '') ?? null;
      // "Offshoring had the highest contribution …": a clause that says how an option fared is no course
      // (blind review v17b, c39: a list weighing the options was read as the options).
      if (!titled && name && nlp(name).has('(#PastTense|#Copula)') && !nlp(name).terms().first().has('#Infinitive')) return null;
      // A course in one word is a name only as an item's title ("**Defer.** Keep buying diesel …") or
      // label ("**Online-to-store:** cheap and …").
      const labelled = name !== null && /^([^:]{2,40}):\s/.exec(first)?.[1]?.trim() === name;
      if (!name || name.split(/\s+/).length < (titled || labelled ? 1 : 2) || !/\p{L}/u.test(name)) return null;
      return { name, sentences, titled };
    });
    // Every item must read as an option, or the list is not one of options.
    if (items.every((x) => x !== null)) lists.push(items as OptionItem[]);
  });
  return lists;
}

/** An option's course, short: "to renew all 18 hotels …, preserving …" → "Renew all 18 hotels …". */
export function optionText(body: string): string | null {
  let text = body.trim().replace(/^to\s+/i, '');
  // "a field fix: release corrected firmware …": the course is what follows a short label.
  const colon = /^([^:]{2,40}):\s+(.+)$/.exec(text);
  // "double down on consumers: raise a $20 million round …": a label that is itself a course (it opens
  // on a verb) names the option; "a field fix: release …" is a category, and the course follows it.
  if (colon) {
    const label = colon[1]!;
    const course =
      nlp(`They will ${label.split(/\s+/)[0]} it.`)
        .terms()
        .eq(2)
        .has('#Infinitive') && !/^(?:a|an|the)\b/i.test(label);
    // "Own DTC brand: the highest margin per unit, but …", "Online-to-store: cheap and …": what follows
    // a name is its assessment, not a course, when it opens on an article, an adjective or a figure.
    const assessed = /^[$€£\d]/.test(colon[2]!) || nlp(colon[2]!).terms().first().has('(#Determiner|#Adjective|#Value)');
    text = course || label.split(/\s+/).length > 4 || assessed ? label : colon[2]!;
  }
  text = text
    .replace(/;.*$/, '')
    .replace(/,\s+(?:which|where|while|but|although|though|whereas|at a cost|at an estimated|for about|for roughly)\b.*$/i, '')
    .replace(/,\s+\p{Ll}+ing\b.*$/u, '')
    .replace(/\s+(?:but|while|although)\s+.*$/i, '')
    .replace(/^to\s+/i, '')
    .trim();
  const words = text.split(/\s+/).length;
  // A pronoun at the end points outside the course, unless it is the object of a second verb whose
  // noun the course has just named ("keep seat pricing and enforce it").
  const pointsBack = /^\p{L}+\s+\p{L}+(?:\s+\p{L}+)+\s+and\s+\p{L}+\s+(?:it|them)$/iu.test(text);
  if (words > 22 || /["“”]/.test(text) || (/\b(?:it|them|this|that|these|those)\s*$/i.test(text) && !pointsBack)) return null;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "Option A, retrench, would close one rotary line …": the name between the commas, when what follows
 * them is what the option would do (blind review v16, a34: the whole clause was shown as the option).
 */
function labelledName(body: string): string {
  const m = /^([^,;:]{2,40}),\s+(.+)$/.exec(body);
  if (!m) return body;
  // "Counter-offer a smaller, protected contract": two adjectives of one noun, not a name and a clause
  // (blind review v18e, c51: the option shown as "Counter-offer a smaller").
  if (nlp(m[1]!).terms().last().has('(#Adjective|#Comparative|#Superlative)') || m[2]!.split(/\s+/).length < 3) return body;
  const next = nlp(`It ${m[2]!.split(/\s+/).slice(0, 2).join(' ')}`)
    .terms()
    .eq(1);
  return next.has('(#Verb|#Modal|#Auxiliary|#Copula)') ? m[1]! : body;
}

/** Every list of options in the article, read once per article (each lesson's families ask for them). */
const optionListCache = new WeakMap<object, OptionList[]>();
export function optionListsOf(ctx: FamilyContext): OptionList[] {
  let hit = optionListCache.get(ctx.analysis);
  if (!hit) optionListCache.set(ctx.analysis, (hit = readOptionLists(ctx)));
  return hit;
}

function readOptionLists(ctx: FamilyContext): OptionList[] {
  const lists: OptionList[] = [];
  let current: (OptionList & { next: number; size?: number }) | null = null;
  let previous: (typeof ctx.analysis.all)[number] | undefined;
  for (const s of ctx.analysis.all) {
    const before = previous;
    previous = s;
    const text0 = s.text.trim();
    // Read as written first: "Option A was to reinvest in-house: replace …" must not lose its label
    // to the lead-in rule (a short phrase before a colon).
    const full = OPTION_SENTENCE.exec(text0) ?? OPTION_SENTENCE.exec(stripLeadIn(text0));
    const label = full ? null : OPTION_LABEL.exec(text0);
    const adverb = full || label ? null : OPTION_ADVERB.exec(text0);
    // "Finally," closes a list only when one is open; an instruction must open on a bare verb ("buy", not "the").
    const adverbAt = adverb ? (adverb[1] === 'Finally' ? current?.next : ORDINALS[adverb[1]!.toLowerCase()]) : undefined;
    const isInstruction = adverb
      ? nlp(`They will ${adverb[2]!.split(/\s+/)[0]} it.`)
          .terms()
          .eq(2)
          .has('#Infinitive')
      : false;
    const m = full
      ? { at: ORDINALS[(full[1] ?? full[2])!.toLowerCase()] ?? 0, body: full[3]! }
      : label
        ? { at: ORDINALS[label[1]!.toLowerCase()], body: labelledName(label[2]!) }
        : adverb && isInstruction
          ? { at: adverbAt, body: adverb[2]! }
          : null;
    const at = m?.at;
    if (at === undefined || !m) continue;
    if (at === 0) {
      // Only a list the article calls options ("put four options to the board", "The first option
      // was …"): "Three problems came to a head. The first was energy." lists something else (blind
      // review v10: the problems were offered as the options, and the key was wrong).
      const intro = before?.section === s.section ? before.text : '';
      // …or the lesson's title does ("Weighing the Options") when the list opens the lesson.
      const title = before?.section === s.section ? '' : (ctx.caseStudy.sections[s.section]?.title ?? '');
      const named = OPTIONS_WORD.test(intro) || OPTIONS_WORD.test(title) || /^(?:The\s+\w+\s+(?:option|alternative)|Option)\b/i.test(text0);
      const stated =
        /\b(two|three|four|five)\s+(?:\w+\s+)?(?:options|alternatives|choices|courses|paths|scenarios|proposals|approaches|responses|strategies|routes)\b/i.exec(
          intro,
        );
      current = named ? { section: s.section, options: [], next: 0, size: stated ? COUNT[stated[1]!.toLowerCase()] : undefined } : null;
      if (current) lists.push(current);
    }
    if (!current || at !== current.next || s.section !== current.section) {
      current = null;
      continue;
    }
    const text = optionText(m.body);
    current.options.push({ text: text ?? '', sentence: s.text });
    current.labelled = (current.labelled ?? true) && Boolean(label ?? full?.[2]);
    current.next++;
  }
  // "put four options to the board" and three read: one was missed, and the key could be it.
  const told = lists
    .filter((l) => l.options.length >= 3 && l.options.every((o) => o.text))
    .filter((l) => (l as { size?: number }).size === undefined || (l as { size?: number }).size === l.options.length)
    // "Option A: contribution of £714k a year …" after "Option A: Upgrade and keep …": the same options
    // labelled again to weigh them, not new ones (blind review v19b, b63: costs offered as the options).
    .filter((l, i, all) => !(l.labelled && all.slice(0, i).some((e) => e.labelled && e.options.length === l.options.length)));
  const listed = ctx.caseStudy.sections.flatMap((section, i): OptionList[] =>
    section.review
      ? []
      : optionItemLists(section.blocks).map((items) => ({
          section: i,
          options: items.map((item) => ({ text: item.name, sentence: item.sentences[0]! })),
          listed: true,
        })),
  );
  return [...told, ...listed, ...headedOptions(ctx)]
    .map((l) => ({ ...l, options: l.options.map((o) => ({ ...o, text: withoutSponsor(o.text) })) }))
    .sort((a, b) => a.section - b.section);
}

/**
 * An option's name without who argued for it: "Build an in-house capability (argued by Dan Mercer)",
 * "Fix the core (sponsor: Owen Clarke, finance director)" (blind review v19d, a65). Who backed which
 * option is the case's to tell, not a label that gives the key away or clutters it.
 */
function withoutSponsor(name: string): string {
  return name
    .replace(
      /\s*\((?:(?:first\s+|originally\s+)?(?:argued|favou?red|proposed|championed|backed|pushed|raised|put forward|sponsored|advocated|preferred|suggested)(?:\s+for)?\s+by|(?:sponsor|champion|advocate|owner|proposer)s?\s*(?::|$))[^)]*(?:\)|$)/gi,
      '',
    )
    .trim();
}

/** "## Option A: Recline and refit": an option told as a lesson of its own, its course in the heading. */
const OPTION_HEADING = /^Option\s+(one|two|three|four|five|[A-E1-5])\s*[:.–—-]\s*(.+?)[.!]?$/i;

/**
 * Options told as consecutive lessons, each headed by its label and its course ("Option 1: Move
 * production overseas", "Option 2: Automate at home", …; blind review v17b, a39 and c39): read as a
 * list, each option's sentence the first of its lesson.
 */
function headedOptions(ctx: FamilyContext): OptionList[] {
  const lists: OptionList[] = [];
  let current: OptionList | null = null;
  ctx.caseStudy.sections.forEach((section, i) => {
    const m = OPTION_HEADING.exec(section.title.trim());
    const at = m ? ORDINALS[m[1]!.toLowerCase()] : undefined;
    const first = sentencesOf(section.blocks.filter((b) => b.kind === 'paragraph').slice(0, 1))[0];
    if (!m || at === undefined || !first) {
      current = null;
      return;
    }
    if (at === 0) lists.push((current = { section: i, options: [] }));
    if (!current || at !== current.options.length) {
      current = null;
      return;
    }
    const name = labelledName(m[2]!.trim());
    current.options.push({ text: name.charAt(0).toUpperCase() + name.slice(1), sentence: first });
  });
  return lists.filter((l) => l.options.length >= 3);
}

// "chose a combination of the second and fourth options", "chose to combine the third and fourth
// options", "approved Options 2, 3 and 4", "approved a combination of options 2 and 3": several whole
// options, each named by its number.
const NTH = String.raw`(?:first|second|third|fourth|fifth)`;
const LABEL = String.raw`(?:one|two|three|four|five|[A-E1-5])`;
const COMBINED_CHOICE = new RegExp(
  String.raw`^(.{2,80}?)\s+(?:${CHOOSE}|chose to combine|decided to combine|combined)\s+(?:an?\s+(?:combination|mix)\s+of\s+)?(?:the\s+)?` +
    String.raw`(?:((?:${NTH})(?:(?:,\s*|,?\s+and\s+)${NTH})+)\s+(?:options|courses|paths|alternatives|proposals)|first\s+(two|three)\s+(?:options|courses|paths|alternatives|proposals)|options\s+(${LABEL}(?:(?:,\s*|,?\s+and\s+)${LABEL})+))\b(.*)$`,
  'i',
);
// Less than a whole option ("a smaller cut than the first option called for", "a softer version of").
const PARTIAL = /\b(?:version|versions|elements?|parts?|pieces?|aspects?|smaller|softer|scaled[- ]down|reduced|half|some of|bits?)\b/i;

/**
 * Which whole options a sentence says were taken together, by their numbers: the indices, or null when
 * the sentence names fewer than two, names one only in part, or brings in another by number.
 */
export function readCombination(sentence: string, size: number): { chosen: number[]; chooserText: string } | null {
  const m = COMBINED_CHOICE.exec(sentence);
  if (!m) return null;
  const words = m[2] ?? m[4];
  const chosen = words
    ? words.split(/\s*,\s*|\s+and\s+|,\s*and\s+/i).map((w) => ORDINALS[w.trim().toLowerCase()])
    : Array.from({ length: COUNT[m[3]!.toLowerCase()]! }, (_, i) => i);
  if (chosen.some((i) => i === undefined || i >= size) || new Set(chosen).size !== chosen.length || chosen.length < 2) return null;
  const tail = m[5] ?? '';
  // Another option in the tail ("… and to make a smaller cut than the first option called for") or a
  // course that is only part of one: the set is no longer whole options.
  if (PARTIAL.test(tail) || MIXED_IN.test(tail) || /\boptions?\b/i.test(tail)) return null;
  return { chosen: (chosen as number[]).sort((a, b) => a - b), chooserText: m[1]! };
}

/** The choice and the options as the article tells them, for either question on the choice. */
function choiceExplanation(sentence: string, list: OptionList): string {
  return `The article says: “${sentence}” The options were: ${list.options.map((o) => `“${o.sentence}”`).join(' ')}`;
}

/** "In October 2024 the board" → "the board"; null for a pronoun, which means nothing out of its paragraph. */
function chooserOf(raw: string): string | null {
  const chooser = raw
    // "On 30 August 2022 the board", "In June 2022 the board", "On June 30, 2022, the board".
    .replace(/^(?:in|by|on|at|after|before|during)\s+(?:\d{1,2}\s+)?(?:\p{L}+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d{2},?\s+/iu, '')
    .replace(/^(?:then|finally|eventually|ultimately|instead),?\s+/i, '')
    // "the board therefore chose": the adverb is no part of who chose.
    .replace(/\s+(?:therefore|thus|then|finally|eventually|ultimately|instead|unanimously|formally|duly|also|quickly)$/i, '')
    .trim();
  if (!chooser || /^(?:it|they|he|she|we|this|that)$/i.test(chooser) || /,/.test(chooser)) return null;
  // "The board rejected the acquisition and [adopted …]": a first move before "and" is no part of who chose
  // ("Which of them did the board rejected the acquisition and choose?", blind review v18m, b59).
  if (/\s(?:and|but|then)$/i.test(chooser) || nlp(chooser).has('#PastTense')) return null;
  return /^The\s/.test(chooser) ? `t${chooser.slice(1)}` : chooser;
}

/**
 * The options taken together ("the board approved a combination of the second and third options"),
 * asked as a multiple select over the options the article laid out: each was on the table, and only
 * a reader who knows what the case did can tell which were taken.
 */
function combinationCandidates(s: { text: string }, list: OptionList, body: string): Candidate[] {
  const read = readCombination(body, list.options.length);
  if (!read) return [];
  const all = list.options.map((o) => o.text);
  if (new Set(all).size !== all.length || all.length < 3 || all.length > 5) return [];
  // Left out is at least one option, or there is nothing to tell apart.
  if (read.chosen.length >= all.length) return [];
  const who = chooserOf(read.chooserText);
  const rng = streamFor('decision', s.text);
  const options = rng.shuffle(all);
  const keys = read.chosen.map((i) => all[i]!);
  const count = numberWord(all.length);
  return [
    {
      question: {
        type: 'multiple_choice',
        family: 'decision',
        level: 'remember',
        prompt: `The article describes ${count} options. Which of them ${who ? `did ${who} choose` : 'were chosen'}? Select all that apply.`,
        options,
        answer: keys.map((k) => options.indexOf(k)).sort((a, b) => a - b),
        explanation: choiceExplanation(s.text, list),
        source: s.text,
      },
      score: 0.85,
      keys,
      sources: [s.text, ...read.chosen.map((i) => list.options[i]!.sentence)],
    },
  ];
}

export function optionChoiceCandidates(ctx: FamilyContext): Candidate[] {
  if (ctx.section.review) return [];
  const lists = optionListsOf(ctx);
  if (!lists.length) return [];
  const sentences = ctx.analysis.sections[ctx.sectionIndex]?.sentences ?? [];
  return sentences.flatMap((s): Candidate[] => {
    const f = sentenceFeatures(s.text);
    if (f.question || f.forecast || f.hedged) return [];
    const body = stripLeadIn(s.text.trim());
    // The list told before the choice, in this lesson or an earlier one.
    const list = lists.filter((l) => l.section <= s.section && l.options.every((o) => o.sentence !== s.text)).at(-1);
    if (!list) return [];
    const read = readChoice(
      body,
      list.options.map((o) => o.text),
    );
    if (!read) return combinationCandidates(s, list, body);
    const { chosen, left, chooserText } = read;
    if (chosen >= list.options.length) return [];
    const who = chooserOf(chooserText);
    if (!who) return [];
    const rng = streamFor('decision', s.text);
    const all = list.options.map((o) => o.text);
    if (new Set(all).size !== all.length) return [];
    // An option mixed into the choice ("with elements of the first") is neither right nor wrong: left out.
    const texts = all.filter((_, i) => i !== left);
    if (texts.length < 3) return [];
    const key = all[chosen]!;
    // "Going Digital" over a key "Full digital conversion": a word of the case's title that only the
    // key repeats gives it away (blind review v13, c10).
    const titleWords = contentWords(`${ctx.caseStudy.title ?? ''} ${ctx.section.title}`);
    const cued = (o: string) => [...contentWords(o)].some((w) => titleWords.has(w));
    if (cued(key) && !texts.some((o) => o !== key && cued(o))) return [];
    const options = rng.shuffle(texts);
    const count = numberWord(all.length);
    return [
      {
        question: {
          type: 'single_choice',
          family: 'decision',
          level: 'remember',
          prompt:
            left === undefined
              ? `The article describes ${count} options. Which one did ${who} choose?`
              : `Which of these options did ${who} choose as its main course?`,
          options,
          answer: options.indexOf(key),
          explanation: choiceExplanation(s.text, list),
          source: s.text,
        },
        score: 0.85,
        keys: [key],
        sources: [s.text, list.options[chosen]!.sentence],
      },
    ];
  });
}

/**
 * Which of the options a sentence says was chosen: by its number ("chose the third option"), or by
 * words of its own that name exactly one option ("chose the electric option", "chose the business
 * pivot"). A second option mixed in by number ("with elements of the first") is returned as `left`,
 * to be left out of the question; a mix that names none by number makes the choice unreadable.
 */
export function readChoice(sentence: string, options: string[]): { chosen: number; left?: number; chooserText: string } | null {
  const numbered = CHOICE.exec(sentence);
  const tailOf = (tail: string, chosen: number, chooserText: string) => {
    if (!MIXED.test(tail)) return { chosen, chooserText };
    const mixed = MIXED_IN.exec(tail);
    const left = mixed ? ORDINALS[(mixed[1] ?? mixed[2])!.toLowerCase()] : undefined;
    if (left === undefined || left === chosen || left >= options.length) return null;
    return { chosen, left, chooserText };
  };
  if (numbered) return tailOf(numbered[4]!, ORDINALS[(numbered[2] ?? numbered[3])!.toLowerCase()]!, numbered[1]!);
  const named = CHOICE_NAMED.exec(sentence);
  if (!named) return null;
  const words = named[2]!.split(/\s+/).filter((w) => !GENERIC_HEAD.test(w) && !isFunctionWord(w));
  if (!words.length || words.some((w) => ORDINALS[w.toLowerCase()] !== undefined)) return null;
  // "chose automation" names "Automate the line at home": a word and an option's word of one stem.
  const stems = (w: string) => {
    const lower = w.toLowerCase();
    return ['ation', 'ion', 'ing', 'ed', 'es', 'e', 's']
      .flatMap((x) => (lower.endsWith(x) ? [lower.slice(0, -x.length)] : []))
      .filter((x) => x.length >= 5);
  };
  const has = (option: string, word: string) =>
    new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu').test(option) ||
    option.split(/[^\p{L}-]+/u).some((o) => stems(o).some((x) => stems(word).includes(x)));
  const matches = options.map((o, i) => ({ o, i })).filter(({ o }) => words.every((w) => has(o, w)));
  if (matches.length !== 1) return null;
  return tailOf(named[3]!, matches[0]!.i, named[1]!);
}
