import { trueFalsePrompt } from './language';
import type { ContentBlock } from '@/lib/case-study/types';
import { overlap } from './analysis';
import { streamFor, type Candidate, type FamilyContext } from './candidate';
import { optionItemLists, optionListsOf } from './families-decisions';
import { lowerFirst } from './families-understand';
import { contentWords, sentenceFeatures } from './sentence-features';

/**
 * The trade-off of each option a case lays out: "Stay with combustion … This was the cheapest option,
 * but it would leave the company out of the city segment." Asked as a matching of each option with the
 * drawback the article gives for it. Every drawback is true of the case and belongs to one option only,
 * so each pair has one right partner; a learner who only skimmed the options cannot tell them apart.
 * Blind reviewers asked, article after article, for what the options would have cost rather than the
 * figures around them.
 */

// "…, but it would leave the company out of the city segment": the cost of an option after its merit.
const BUT = /,\s+but\s+(.+)$/i;
// "The risks were dependence on a single supplier …", "Its drawback was …", "However, …".
const COST_NOUN =
  /^(?:(?:the|its|their|one|a|an)\s+)?(?:(?:main|big|biggest|key|chief|obvious|real)\s+)?(?:risk|risks|danger|dangers|downside|downsides|drawback|drawbacks|disadvantage|disadvantages|catch|weakness|problem)\s+(?:was|were|would be|is|are)\s+(?:that\s+)?(.+)$/i;
const HOWEVER = /^(?:however|on the other hand),\s+(.+)$/i;
// "Risk: it would take three years to open.": a drawback labelled as such in an option's description.
const COST_LABEL = /^(?:(?:the\s+)?(?:main|big|key|chief)\s+)?(?:risks?|downsides?|drawbacks?|disadvantages?|catch|weakness)\s*:\s+(.+)$/i;
// "But it would take three years to open.": the cost in a sentence of its own after the option's merit.
const BUT_OPENING = /^(?:but|yet),?\s+(.+)$/i;
// What an option would do, might do or risked doing: the course's consequences, not a fact of the case.
const HYPOTHETICAL = /\b(?:would|could|might|may|will|risk(?:ed|s|ing)?|meant|require[sd]?|need(?:ed|s)?)\b/i;
/** Where a drawback's own clause ends: another claim joined on, or the reason behind it. */
// "…, operations would grow more complex": a second cost after a comma starts a clause of its own.
const CLAUSE_END =
  /(?:,\s+(?:and|because|which|while|so|as)\b|,\s+(?:[\p{L}'’-]+\s+){1,4}(?:would|could|might|will)\b|;|\s+because\b).*$/iu;

export interface OptionWithDrawback {
  /** The option as the article names it: "Stay with combustion and focus on intercity". */
  option: string;
  /** What the article says it would cost: "It would leave the company out of the city segment". */
  drawback: string;
  /** The sentence the drawback is read from, verbatim. */
  sentence: string;
  /**
   * Said to be a drawback ("The risk was …", "Drawback: …"), not read after a turn ("…, but it would
   * …"), where the merit may as well come after the cost.
   */
  labelled: boolean;
}

/** The drawback an option's sentences give, if one is stated plainly. */
export function drawbackIn(sentences: string[]): { drawback: string; sentence: string; labelled: boolean } | null {
  for (const sentence of sentences) {
    const body = sentence.trim().replace(/[.!]+["'”’)]*$/, '');
    const labelled = COST_LABEL.exec(body) ?? COST_NOUN.exec(body);
    const turn = labelled ? null : (HOWEVER.exec(body) ?? BUT_OPENING.exec(body) ?? BUT.exec(body));
    const m = labelled ?? turn;
    if (!m) continue;
    // A turn ("but", "however", "yet") may bring the merit after the cost as well as the cost after the
    // merit ("Electricity was expensive, but the array promised steadier costs"): only a clause that
    // says what the option would do, or risked doing, is read as its cost. A label says so itself.
    if (turn && !HYPOTHETICAL.test(m[1]!.replace(CLAUSE_END, ''))) continue;
    const clause = m[1]!.replace(CLAUSE_END, '').trim();
    const words = clause.split(/\s+/).length;
    // A drawback that leans on what came before ("this meant …", "that too") or runs on is not read.
    if (words < 3 || words > 18 || /^(?:this|that|these|those|such|so|then)\b/i.test(clause) || /["“”]/.test(clause)) continue;
    const f = sentenceFeatures(sentence);
    if (f.question || f.personal || f.figurative) continue;
    return { drawback: clause.charAt(0).toUpperCase() + clause.slice(1), sentence, labelled: labelled !== null };
  }
  return null;
}

/**
 * Options told as a list the article introduces as options ("Management brought four options to the
 * board:"), each with the drawback its item states; lists where fewer than three do are not asked.
 */
export function listedOptions(blocks: ContentBlock[], fewest = 3): OptionWithDrawback[][] {
  return optionItemLists(blocks)
    .map((items) =>
      items.flatMap((item): OptionWithDrawback[] => {
        const found = drawbackIn(item.titled ? item.sentences.slice(1) : item.sentences);
        return found ? [{ option: item.name, ...found }] : [];
      }),
    )
    .filter((options) => options.length >= fewest);
}

/** Sentences an option's description may run to after its own: up to the next option, in its lesson. */
const DESCRIPTION_SENTENCES = 4;

/**
 * Options told in sentences ("The first was to renew all 18 hotels …, but …"): the drawback in the
 * option's own sentence or in those after it that still describe it (before the next option starts,
 * within its paragraph's length: "The first path was to merge. … The risk was control: …").
 */
function toldOptions(ctx: FamilyContext, fewest = 3): OptionWithDrawback[][] {
  const all = ctx.analysis.all;
  return optionListsOf(ctx)
    .filter((list) => list.section === ctx.sectionIndex && !list.listed)
    .map((list) => {
      const starts = new Set(list.options.map((o) => o.sentence));
      return list.options.flatMap((o): OptionWithDrawback[] => {
        const at = all.findIndex((s) => s.text === o.sentence);
        const described = [o.sentence];
        for (let i = at + 1; i <= at + DESCRIPTION_SENTENCES && i < all.length; i++) {
          const next = all[i]!;
          if (starts.has(next.text) || next.section !== all[at]!.section) break;
          described.push(next.text);
        }
        const found = drawbackIn(described);
        return found ? [{ option: o.text, ...found }] : [];
      });
    })
    .filter((options) => options.length >= fewest);
}

/**
 * Whether the options' drawbacks can be told apart only by knowing the case: no two much alike, none
 * repeating a word of its own option and of no other (it would match itself at a glance).
 */
function distinctDrawbacks(options: OptionWithDrawback[]): boolean {
  const drawbacks = options.map((o) => o.drawback);
  if (new Set(drawbacks.map((d) => d.toLowerCase())).size !== drawbacks.length) return false;
  const giveaway = options.some((o, i) => {
    const own = contentWords(o.option);
    const others = options.filter((_, j) => j !== i).map((x) => contentWords(x.option));
    return [...contentWords(o.drawback)].some((w) => own.has(w) && !others.some((x) => x.has(w)));
  });
  if (giveaway) return false;
  for (let i = 0; i < drawbacks.length; i++)
    for (let j = i + 1; j < drawbacks.length; j++) {
      const a = contentWords(drawbacks[i]!);
      const b = contentWords(drawbacks[j]!);
      if (overlap(a, b) * 2 > Math.min(a.size, b.size)) return false;
    }
  return true;
}

/**
 * A lesson's options lists, each with the options that state a drawback (two or more), read once for
 * both trade-off families.
 */
const drawbackCache = new WeakMap<object, OptionWithDrawback[][]>();
function drawbackLists(ctx: FamilyContext): OptionWithDrawback[][] {
  let hit = drawbackCache.get(ctx.section);
  if (!hit) drawbackCache.set(ctx.section, (hit = [...listedOptions(ctx.section.blocks, 2), ...toldOptions(ctx, 2)]));
  return hit;
}

export function tradeoffCandidates(ctx: FamilyContext): Candidate[] {
  if (ctx.section.review) return [];
  return drawbackLists(ctx)
    .filter((options) => options.length >= 3)
    .flatMap((options): Candidate[] => {
      // Two drawbacks saying much the same thing make either partner defensible.
      if (!distinctDrawbacks(options)) return [];
      const shown = options.slice(0, 5);
      const rng = streamFor('tradeoff', shown.map((o) => o.sentence).join('\n'));
      const pairs = rng.shuffle(shown).map((o): [string, string] => [o.option, o.drawback]);
      return [
        {
          question: {
            type: 'matching',
            family: 'tradeoff',
            level: 'understand',
            prompt: 'Match each option the article describes with the drawback it gives for that option.',
            pairs,
            explanation: `Each option came with its own cost. ${shown.map((o) => `${o.option}: “${o.sentence}”`).join(' ')}`,
            source: shown.map((o) => o.sentence).join(' '),
          },
          score: 0.86,
          keys: [],
          sources: shown.map((o) => o.sentence),
        },
      ];
    });
}

/**
 * "True or false? According to the article, a drawback of the option “Sell” was this: most of the
 * back-office staff would have been cut." An option with the drawback the article gives for it, or
 * with the drawback of another of the case's options in its place: the false statement is true of
 * the case and wrong for this option, so only a reader who weighed the options can tell. Needs two
 * options with a stated drawback, where a matching needs three (most cases state two or fewer).
 */
export function tradeoffLinkCandidates(ctx: FamilyContext): Candidate[] {
  if (ctx.section.review) return [];
  return drawbackLists(ctx).flatMap((options): Candidate[] => {
    // Only drawbacks the article calls so: a statement offers one cost alone, with no other option's
    // beside it to show which way a turn goes ("a sales team would be needed, but contracts would be
    // invoiced directly" gives the merit after the cost; blind-review article c4).
    if (!options.every((o) => o.labelled) || !distinctDrawbacks(options)) return [];
    return options.flatMap((o): Candidate[] => {
      const rng = streamFor('tradeoff', `${o.sentence}\nlink`);
      const others = options.filter((x) => x !== o);
      const truth = rng.next() < 0.5;
      const swap = rng.shuffle(others)[0]!;
      const shown = truth ? o : swap;
      const drawback = shown.drawback.replace(/[.!]+$/, '');
      return [
        {
          question: {
            type: 'true_false',
            family: 'tradeoff',
            level: 'understand',
            prompt: trueFalsePrompt(`a drawback of the option “${o.option}” was this: ${lowerFirst(drawback, ctx)}`),
            answer: truth,
            explanation: truth
              ? `True. The article gives this cost for that option: “${o.sentence}”`
              : `False. That is the drawback of another option, “${swap.option}”: “${swap.sentence}” For “${o.option}”, the article says: “${o.sentence}”`,
            source: o.sentence,
          },
          score: 0.75,
          keys: [shown.drawback],
          sources: truth ? [o.sentence] : [o.sentence, swap.sentence],
        },
      ];
    });
  });
}
