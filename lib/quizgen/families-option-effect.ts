import { escapeRegExp, numberWord } from './language';
import nlp from 'compromise';
import { sentencesOf } from '@/lib/case-study/parse';
import { singleChoice, streamFor, type Candidate, type FamilyContext } from './candidate';
import { optionItemLists, optionListsOf, type OptionList } from './families-decisions';
import { sentenceFeatures } from './sentence-features';

/**
 * What each option of a decision would have done, told right after it ("The first was to grow as
 * normal and ask for a price rise. This preserved the crop plan, the staff and the supply slot.",
 * "Triage would cut winter energy use by about 45 per cent", "Oakes estimated this would save about
 * £4.0 million"): which of the options would have done this? The learner ties each consequence to its
 * option, the trade-off every blind reviewer asked about ("why B rather than C: B cost less and
 * launched a year sooner"). The key is the option the sentence is told of: its own name as the
 * subject, or "it"/"this" in the sentences that follow the option before anything else is told.
 */

/** A description's subject that points at the option it follows. */
const POINTER = /^(?:it|this|this option|that option|this course|this plan|the option)\s+(?:also\s+|alone\s+)?(.+)$/i;
/** "Oakes estimated this would save about £4.0 million": someone's estimate of what the option would do. */
const ESTIMATE =
  /^((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}|the\s+\p{Ll}+(?:\s+\p{Ll}+)?)\s+(estimated|calculated|reckoned|expected|projected)\s+(?:that\s+)?(?:it|this)\s+(would|could|might)\s+(.+)$/iu;
/** Where a description's first claim ends: a turn, a reason, a second clause. */
const CLAIM_END = /(?:,\s+(?:but|because|which|while|leaving|so|and\s+(?:it|this|that))\b|;|:|\s+because\b|\s+—\s).*$/i;
const POINTS_AWAY =
  /\b(?:it|its|they|them|their|this|that|these|those|he|she|his|her|option\s+[A-E1-6]|first|second|third|fourth|former|latter)\b/i;

/** Verbs of how something strikes a person ("appealed to", "worried", "suited"), as a predicate's first verb. */
const FEELING =
  /^(?:(?:would|could|might|will|also|only)\s+)*(?:have\s+)?(?:appeal|please|worr(?:y|ie)|concern|bother|annoy|frustrat|excit|delight|tempt|attract|reassur|scar|frighten|alarm|impress|upset|interest|suit)\w*\b/i;

interface Told {
  /** The option the sentence tells of, by its index in the list. */
  option: number;
  sentence: string;
  /** The stem's words after "which of the options": "preserved the crop plan, the staff and the supply slot". */
  predicate: string;
}

/**
 * "captured the full uplift quickly" → "would have captured the full uplift quickly": an option the
 * case weighed, and may not have taken, is asked in the conditional ("'captured' is past tense for an
 * option that was never adopted", blind review v15, b23).
 */
function wouldHave(predicate: string): string {
  const [first, ...rest] = predicate.split(/\s+/);
  if (/^(?:was|were)$/i.test(first!)) return ['would have been', ...rest].join(' ');
  const verb = nlp(`It ${first}`).terms().eq(1);
  if (!verb.has('#PastTense') || verb.has('(#Modal|#Auxiliary)')) return predicate;
  const forms = nlp(first!).verbs().conjugate()[0] as { Participle?: string; PastTense?: string } | undefined;
  return ['would have', forms?.Participle ?? forms?.PastTense ?? first!, ...rest].join(' ');
}

/** "This preserved the crop plan …" → "would have preserved the crop plan …"; null when it is no claim about the option. */
export function optionPredicate(sentence: string, name?: string): string | null {
  const body = sentence.trim().replace(/[.!]+["'”’)]*$/, '');
  let predicate: string | null = null;
  const estimate = ESTIMATE.exec(body);
  if (estimate) {
    const who = /^the\s/i.test(estimate[1]!) ? estimate[1]!.toLowerCase() : estimate[1]!;
    const verb = nlp(estimate[2]!).verbs().toInfinitive().text() || estimate[2]!;
    predicate = `did ${who} ${verb} ${estimate[3]!.toLowerCase()} ${estimate[4]!}`;
  } else {
    const pointer = POINTER.exec(body);
    const named = name ? new RegExp(`^${escapeRegExp(name)}\\s+(?:also\\s+)?(.+)$`, 'i').exec(body) : null;
    const rest = (pointer ?? named)?.[1];
    // What follows the subject must be its verb ("preserved", "would cut", "was the biggest bet").
    if (rest && nlp(`It ${rest}`).terms().eq(1).has('(#Verb|#Modal|#Auxiliary|#Copula)')) predicate = rest;
  }
  if (!predicate) return null;
  // "This appealed to Farrugia, who remembered being an underpaid junior": how an option struck a person is
  // no effect of the option, and the stem gives its answer away (blind review v16, c33).
  if (FEELING.test(predicate)) return null;
  predicate = predicate.replace(CLAIM_END, '').trim();
  const words = predicate.split(/\s+/).length;
  // Too short to be one option's alone ("was cheaper"), too long to read, or leaning on something else.
  if (words < 4 || words > 22 || /["“”]/.test(predicate) || POINTS_AWAY.test(predicate.replace(/^did\s+\S+(?:\s+\S+)?\s+\p{Ll}+\s+/u, '')))
    return null;
  return estimate ? predicate : wouldHave(predicate);
}

/**
 * The sentences told of each option: in the option's own paragraph, the sentences after it that point
 * back at it ("This …", "It would …", "Oakes estimated this would …") or say what it would do ("The
 * company would keep only …"), until anything else is told; anywhere after the option in its lesson,
 * a sentence whose subject is the option's short name ("Triage would cut …").
 */
const toldCache = new WeakMap<OptionList, Told[]>();
function toldOf(ctx: FamilyContext, list: OptionList): Told[] {
  // Read once per article: every lesson asks for the same lists (optionListsOf caches them).
  let told = toldCache.get(list);
  if (!told) toldCache.set(list, (told = readTold(ctx, list)));
  return told;
}

function readTold(ctx: FamilyContext, list: OptionList): Told[] {
  const out: Told[] = [];
  const sections = ctx.caseStudy.sections;
  const optionSentences = new Set(list.options.map((o) => o.sentence.trim()));
  if (list.listed) {
    for (const items of optionItemLists(sections[list.section]?.blocks ?? []))
      items.forEach((item, option) => {
        if (items.length !== list.options.length || item.name !== list.options[option]?.text) return;
        for (const sentence of item.sentences.slice(1)) {
          const predicate = optionPredicate(sentence);
          if (predicate) out.push({ option, sentence, predicate });
        }
      });
    return out;
  }
  const paragraphs = sections.flatMap((s, i) =>
    i < list.section || s.review
      ? []
      : s.blocks.filter((b) => b.kind === 'paragraph').map((b) => ({ section: i, sentences: sentencesOf([b]) })),
  );
  list.options.forEach((o, option) => {
    const home = paragraphs.find((p) => p.sentences.some((s) => s.trim() === o.sentence.trim()));
    if (!home) return;
    const after = home.sentences.slice(home.sentences.findIndex((s) => s.trim() === o.sentence.trim()) + 1);
    for (const sentence of after) {
      if (optionSentences.has(sentence.trim())) break;
      const predicate = optionPredicate(sentence);
      if (predicate) out.push({ option, sentence, predicate });
      else if (!/\b(?:would|could|might)\b/i.test(sentence)) break;
    }
    // "Triage would cut …": the option by its own short name, anywhere in its lesson after it.
    const name = o.text;
    if (name.split(/\s+/).length > 3) return;
    for (const p of paragraphs.filter((p) => p.section === home.section))
      for (const sentence of p.sentences) {
        if (optionSentences.has(sentence.trim()) || sentence === o.sentence) continue;
        if (!new RegExp(`^${escapeRegExp(name)}\\s`, 'i').test(sentence.trim())) continue;
        const predicate = optionPredicate(sentence, name);
        if (predicate) out.push({ option, sentence, predicate });
      }
  });
  return out;
}

export function optionEffectCandidates(ctx: FamilyContext): Candidate[] {
  if (ctx.section.review) return [];
  const sentences = new Set((ctx.analysis.sections[ctx.sectionIndex]?.sentences ?? []).map((s) => s.text.trim()));
  return optionListsOf(ctx)
    .filter((list) => list.options.length >= 3 && list.options.length <= 6)
    .flatMap((list) =>
      toldOf(ctx, list)
        .filter((t) => sentences.has(t.sentence.trim()))
        .flatMap((t): Candidate[] => {
          const f = sentenceFeatures(t.sentence);
          // An estimate is hedged as a fact, but asked as someone's estimate it is the article's claim.
          if (f.question || f.personal || f.figurative || (f.hedged && !t.predicate.startsWith('did '))) return [];
          // "A. Stay the course": the table's or list's letter is no part of the option, and shuffled it misleads.
          const options = list.options.map((o) => o.text.replace(/^(?:option\s+)?[A-E1-6][.):]\s+/i, ''));
          // Every option must read as a course: no label with a colon, no lone adjective ("Simple").
          if (options.some((o) => /:/.test(o) || (o.split(/\s+/).length === 1 && nlp(o).has('#Adjective')))) return [];
          // "could be the best gym in the region": a possibility without a figure is no one option's alone.
          if (/^(?:could|might|may)\b/i.test(t.predicate) && !/\d/.test(t.predicate)) return [];
          // "needed no new borrowing": what an option lacks, others may lack too, unsaid (blind review
          // v17a, b38: selling needed no borrowing either).
          if (/\b(?:no|not|never|without|nothing|none|neither|nor)\b|n['’]t\b/i.test(t.predicate)) return [];
          const key = options[t.option]!;
          // The stem names no option: the learner must know which one it was.
          const lower = t.predicate.toLowerCase();
          if (options.some((o) => lower.includes(o.toLowerCase()))) return [];
          const rng = streamFor('option_effect', t.sentence);
          // Six options are one too many to show (a question holds five): one of the others, drawn at
          // random, is left out, and the stem no longer counts them (b33).
          const others = options.filter((_, i) => i !== t.option);
          if (others.length > 4) others.splice(rng.int(others.length), 1);
          const which = others.length === options.length - 1 ? `the ${numberWord(options.length)} options` : 'these options';
          return singleChoice({
            family: 'option_effect',
            level: 'understand',
            rng,
            stem: `According to the article, which of ${which} ${t.predicate}?`,
            key,
            distractors: others,
            explain: (tempting) => `The article says this of the option “${key}”: “${t.sentence.trim()}” It was not said of “${tempting}”.`,
            source: t.sentence.trim(),
            score: 0.83 + (/\d/.test(t.predicate) ? 0.01 : 0),
            minDistractors: 2,
          }).map((c) => ({ ...c, keys: [], topic: `option\u0000${key.toLowerCase()}` }));
        }),
    );
}
