import nlp from 'compromise';
import type { ContentBlock } from '@/lib/case-study/types';
import { numberWord } from './language';
import { singleChoice, streamFor, type Candidate, type FamilyContext } from './candidate';
import { contentWords } from './sentence-features';

/**
 * The options of a decision set side by side in a table (a decision matrix: "| | A. Build a new line |
 * B. Supply agreement | C. Stay small |" with a row for the capital each needs, the EBITDA each adds, the
 * time each takes to launch): which option needed the most capital, which would take longest? The
 * learner compares the options on what the case weighed them by, the trade-off every blind reviewer
 * asked for ("why B rather than C: B cost less and launched a year sooner"). The key is read from the
 * table's own figures, and asked only when one option is clearly apart from all the others.
 */

type Table = Extract<ContentBlock, { kind: 'table' }>;

export interface OptionTable {
  /** The options, as the table names them ("Build a jumbo line in Dayton"). */
  options: string[];
  /** What each option is compared on: the label and one cell per option, with the rows that hold them. */
  attributes: { label: string; cells: string[]; sources: string[] }[];
}

const OPTION_WORD = /^(?:options?|alternatives?|choices?|scenarios?|courses?(?: of action)?|routes?|paths?|plans?)$/i;
// "A. Build a jumbo line", "Option B: Partner", "2) Sell", "Option C" — an option by its label.
const LABELLED = /^(?:option\s+)?([A-E]|[1-6])(?:[.):]|\s+[-–—:])\s*(.{2,90})$|^option\s+([A-E]|[1-6])$/i;

function plain(cell: string): string {
  return cell
    .replace(/\*\*|__|`/g, '')
    .replace(/^[*_]|[*_]$/g, '')
    .trim();
}

/** "A. Build a jumbo line" → "Build a jumbo line"; "Option C" stays "Option C"; anything else null. */
function labelledOption(cell: string): string | null {
  const m = LABELLED.exec(plain(cell));
  if (!m) return null;
  return m[2] ? m[2].trim().replace(/[.:;]+$/, '') : `Option ${m[3]!.toUpperCase()}`;
}

/** The table's options and what it compares them on, whichever way round it is laid out; null if it is no such table. */
export function optionTable(table: Table): OptionTable | null {
  const header = table.header.map(plain);
  const rows = table.rows.map((r) => r.map(plain));
  const row = (r: string[]) => r.join(' | ');
  const named = (cells: string[]) => {
    const labelled = cells.map(labelledOption);
    if (labelled.every((o) => o !== null)) return labelled as string[];
    // Options named without labels, under a corner that calls them options ("| Option | Cost | … |").
    return OPTION_WORD.test(header[0] ?? '') && cells.every((c) => /\p{L}{2}/u.test(c) && c.length <= 90) ? cells : null;
  };
  // Options across the header, one attribute per row.
  const across = header.length >= 4 ? header.slice(1).map(labelledOption) : [];
  if (across.length >= 3 && across.every((o) => o !== null)) {
    return {
      options: across as string[],
      attributes: rows
        .filter((r) => r.length === header.length)
        .map((r) => ({ label: r[0]!, cells: r.slice(1), sources: [row(table.rows[rows.indexOf(r)]!)] })),
    };
  }
  // Options down the first column, one attribute per column.
  const down = rows.length >= 3 ? named(rows.map((r) => r[0] ?? '')) : null;
  if (down && rows.every((r) => r.length === header.length)) {
    return {
      options: down,
      attributes: header.slice(1).map((label, i) => ({
        label,
        cells: rows.map((r) => r[i + 1]!),
        sources: table.rows.map(row),
      })),
    };
  }
  return null;
}

interface Interval {
  lo: number;
  hi: number;
  unit: string;
}

const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };
const AMOUNT = /([+\-–−]?)\s*([$€£¥]|[A-Z]{3}\s)?\s?(\d[\d,]*(?:\.\d+)?)\s?(%|k\b|m\b|bn\b|thousand\b|million\b|billion\b)?/gi;
// Words a figure's cell may hold around its numbers: units, "about", a range's "to", an added "plus".
const CELL_WORDS =
  /^(?:about|around|roughly|approx|approximately|est|estimated|to|plus|a|per|year|years|month|months|week|weeks|day|days|hour|hours|million|billion|thousand|m|bn|k|and|jobs?|staff|people|units?)$/i;

/**
 * A table cell read as an interval: "$14.5 million" [14.5m, 14.5m], "15–18 months" [15, 18], "–$0.5
 * million to +$0.3 million" [−0.5m, 0.3m], "$1.8M, plus $1.0M a year" [1.8m, ∞); a cell of words
 * ("Slow shrinkage", "Commercial down $6 million, partly offset …") is none.
 */
export function cellInterval(cell: string): Interval | null {
  // "0.25% (referral)": a note in brackets is no part of the figure.
  const text = plain(cell)
    .replace(/\s*\([^)]*\)/g, '')
    .trim();
  const found = [...text.matchAll(AMOUNT)];
  if (!found.length || found.length > 2) return null;
  const words = text
    .replace(AMOUNT, ' ')
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  if (words.some((w) => !CELL_WORDS.test(w))) return null;
  const read = found.map((m) => {
    const sign = m[1] && m[1] !== '+' ? -1 : 1;
    const scale = SCALE[(m[4] ?? '').toLowerCase()] ?? 1;
    const unit =
      m[4] === '%'
        ? '%'
        : m[2]
          ? m[2].trim()
          : (/\b(?:months?|weeks?|years?|days?|hours?)\b/i.exec(text)?.[0].replace(/s$/i, '').toLowerCase() ?? '');
    return { value: sign * Number(m[3]!.replace(/,/g, '')) * scale, unit };
  });
  if (read.length === 1) return { lo: read[0]!.value, hi: read[0]!.value, unit: read[0]!.unit };
  if (read[0]!.unit !== read[1]!.unit && read[1]!.unit !== '') return null;
  const between = text.slice(found[0]!.index! + found[0]![0].length, found[1]!.index);
  if (/\bplus\b/i.test(between)) return { lo: read[0]!.value, hi: Infinity, unit: read[0]!.unit };
  // "15–18 months": the dash after the first number is the range, not the second number's sign.
  if (/^\s*(?:to|[-–—])\s*$/i.test(between) || (/^\s*$/.test(between) && /[-–—]/.test(found[1]![1] ?? ''))) {
    const second = /^\s*[-–—]\s*$/.test(between) || /[-–—]/.test(found[1]![1] ?? '') ? Math.abs(read[1]!.value) : read[1]!.value;
    const [lo, hi] = [read[0]!.value, second].sort((a, b) => a - b);
    return { lo: lo!, hi: hi!, unit: read[0]!.unit };
  }
  return null;
}

/**
 * "which option needed the most capital", "had the longest time to launch", "had the highest
 * incremental EBITDA by 2026": the attribute as a phrase about an option.
 */
export function attributePhrase(label: string, most: boolean): string {
  const name = label
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/^est\.?\s+/i, 'estimated ')
    .trim()
    .replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase());
  const needed = /^(.+?)\s+(required|needed)$/i.exec(name);
  if (needed) return `${needed[2]!.toLowerCase()} the ${most ? 'most' : 'least'} ${needed[1]}`;
  // A length of time by its head noun ("Time to launch", "Payback period") or its unit ("Delay (months)"),
  // not a span that only dates the figure ("12-month cash effect").
  if (
    /^(?:time|months|weeks|years|days|duration|payback|delay|lead time)\b/i.test(name) ||
    /\((?:months?|weeks?|years?|days?)\)/i.test(label)
  )
    return `had the ${most ? 'longest' : 'shortest'} ${name}`;
  return `had the ${most ? 'highest' : 'lowest'} ${name}`;
}

export function optionTableCandidates(ctx: FamilyContext): Candidate[] {
  if (ctx.section.review) return [];
  const tables = ctx.section.blocks.flatMap((b) => (b.kind === 'table' ? [optionTable(b)] : [])).filter((t) => t !== null);
  return tables.flatMap((table) => {
    const { options } = table;
    if (options.length < 3 || options.length > 6 || new Set(options).size !== options.length) return [];
    return table.attributes.flatMap((attribute): Candidate[] => {
      if (!/\p{L}{3}/u.test(attribute.label)) return [];
      const read = attribute.cells.map(cellInterval);
      if (read.some((r) => r === null)) return [];
      const cells = read as Interval[];
      // One kind of figure throughout: money against months compares nothing.
      if (new Set(cells.map((c) => c.unit)).size !== 1) return [];
      return [true, false].flatMap((most): Candidate[] => {
        // Clearly apart: the key's whole range beyond every other option's whole range.
        const at = cells.findIndex((c, i) =>
          cells.every((o, j) => j === i || (most ? c.lo > o.hi && c.lo > o.hi * 1.1 : c.hi < o.lo && c.hi * 1.1 < o.lo)),
        );
        if (at < 0) return [];
        const phrase = attributePhrase(attribute.label, most);
        const key = options[at]!;
        // A word of the attribute that only the key repeats gives it away ("lowest cost" over "Cost-led option").
        const words = contentWords(phrase);
        if (
          [...contentWords(key)].some((w) => words.has(w)) &&
          !options.some((o, i) => i !== at && [...contentWords(o)].some((w) => words.has(w)))
        )
          return [];
        // "with a cheaper small-league tier" as the option with the lowest cost: a comparison in the key's
        // own name answers for the learner.
        if (nlp(key).has('(#Comparative|#Superlative)') || /\b(?:cheap|expensive|costly|quick|slow|safe|risky)\b/i.test(key)) return [];
        const values = options.map((o, i) => `${o}: ${attribute.cells[i]}`).join('; ');
        const source = attribute.sources.join(' … ');
        return singleChoice({
          family: 'option_table',
          level: 'analyze',
          rng: streamFor('option_table', `${source}\n${most}`),
          stem: `Of the ${numberWord(options.length)} options in the article’s table, which one ${phrase}?`,
          key,
          // The most tempting wrong option is the runner-up.
          distractors: options
            .map((o, i) => ({ o, i }))
            .filter(({ i }) => i !== at)
            .sort((a, b) => (most ? cells[b.i]!.hi - cells[a.i]!.hi : cells[a.i]!.lo - cells[b.i]!.lo))
            .map(({ o }) => o),
          explain: (tempting) =>
            `The article’s table gives “${attribute.label}” for each option: ${values}. So “${key}” ${phrase}; the nearest, “${tempting}”, did not.`,
          source,
          score: 0.84,
          // Three options are as good as four when the fourth would be weak (Rodriguez 2005): a table
          // of three options is asked with the other two.
          minDistractors: 2,
          // The options are the decision's own, shown alike by every question about it (choose.ts, OPTION_SET):
          // the key is no text another question could give away.
          // Two questions keyed to the same option in one lesson ("most capital", "highest EBITDA": both the
          // jumbo line) tell one thing twice: a lesson asks each option once.
        }).map((c) => ({ ...c, sources: attribute.sources, keys: [], topic: `option\u0000${key.toLowerCase()}` }));
      });
    });
  });
}
