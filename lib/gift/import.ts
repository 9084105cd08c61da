import { parse, type GIFTQuestion, type NumericalChoice, type NumericalFormat, type TextChoice } from 'gift-pegjs';
import { z } from 'zod';
import { MAX_INTRO, type EditableQuestion } from '@/lib/questions/editor';
import { OPEN_RESPONSE } from '@/lib/questions/kinds';

/**
 * GIFT (Moodle's plain-text question format) in: parsed by gift-pegjs, each GIFT kind mapped to a
 * Casewise question and checked against the editor's limits. What Casewise cannot hold is skipped
 * with its line and the reason; a syntax error stops the import at its first line.
 */

/**
 * A question read from GIFT: Casewise's shape plus where it came from. A description (text between
 * questions) becomes the intro of the question after it, shown just above it; introLine is its line.
 */
export type ImportedQuestion = EditableQuestion & { line: number; category?: string; title?: string; introLine?: number };
export interface Skipped {
  line: number;
  reason: string;
}
export type GiftImport = { ok: true; questions: ImportedQuestion[]; skipped: Skipped[] } | { ok: false; line: number; reason: string };

/** Largest GIFT file read (characters), as for articles. */
export const MAX_GIFT_CHARS = 1_000_000;
const MAX_OPTIONS = 6;
const MAX_LINES = 10;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** gift-pegjs leaves its escape placeholders in a matching pair's right side; decode them as it does elsewhere. */
const PLACEHOLDERS: Record<string, string> = { '092': '\\', '058': ':', '035': '#', '061': '=', '123': '{', '125': '}', '126': '~' };
const decode = (s: string) => s.replace(/&&(\d{3});/g, (m, code: string) => PLACEHOLDERS[code] ?? m).replace(/&&010/g, '\n');
const clean = (s: string) => squash(decode(s));

const prompt = z.string().min(1, 'the question text is empty').max(1000, 'the question text is over 1000 characters');
const explanation = z.string().max(2000, 'the general feedback is over 2000 characters');
const option = z.string().min(1, 'an answer is empty').max(300, 'an answer is over 300 characters');
const distinct = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase())).size === xs.length;
const options = z
  .array(option)
  .min(2, 'it has fewer than two answers')
  .max(MAX_OPTIONS, `it has more than ${MAX_OPTIONS} answers`)
  .refine(distinct, 'two answers say the same thing');
const base = { prompt, explanation, source: z.literal('') };

/** The shape every imported question must have: the editor's rules, explanation optional. */
const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('single_choice'), options, answer: z.number().int().min(0) }),
  z.object({
    ...base,
    type: z.literal('multiple_choice'),
    options,
    answer: z.array(z.number().int().min(0)).min(1, 'no answer has a positive weight'),
  }),
  z.object({ ...base, type: z.literal('true_false'), answer: z.boolean() }),
  z.object({
    ...base,
    type: z.literal('fill_blank'),
    answer: z
      .array(z.string().min(1, 'an accepted answer is empty').max(200, 'an accepted answer is over 200 characters'))
      .min(1, 'it accepts no answer')
      .max(MAX_LINES, `it accepts more than ${MAX_LINES} answers`),
  }),
  z.object({
    ...base,
    type: z.literal('numeric'),
    answer: z.object({
      value: z.number().finite('the answer is not a finite number'),
      tolerance: z.number().finite().min(0, 'the tolerance is negative'),
    }),
  }),
  z.object({
    ...base,
    type: z.literal('matching'),
    pairs: z
      .array(z.tuple([option, option]))
      .min(2, 'it has fewer than two pairs')
      .max(MAX_LINES, `it has more than ${MAX_LINES} pairs`)
      .refine((ps) => distinct(ps.map((p) => p[0])) && distinct(ps.map((p) => p[1])), 'a term or a match appears twice'),
  }),
  z.object({
    ...base,
    type: z.literal(OPEN_RESPONSE),
    modelAnswer: z.string(),
    rubric: z.array(z.object({ label: z.string(), points: z.number() })),
  }),
]);

type Mapped = { question: EditableQuestion } | { skip: string } | { description: string };

function mapChoices(q: { choices: TextChoice[] }, common: { prompt: string; explanation: string; source: '' }): Mapped {
  const texts = q.choices.map((c) => clean(c.text.text));
  if (q.choices.some((c) => c.weight !== null)) {
    const answer = q.choices.flatMap((c, i) => ((c.weight ?? (c.isCorrect ? 100 : 0)) > 0 ? [i] : []));
    if (answer.length === q.choices.length) return { skip: 'multiple choice where every answer has a positive weight (nothing is wrong)' };
    return { question: { type: 'multiple_choice', ...common, options: texts, answer } };
  }
  const right = q.choices.flatMap((c, i) => (c.isCorrect ? [i] : []));
  if (right.length !== 1) return { skip: 'multiple choice needs exactly one right (=) answer, or weights' };
  return { question: { type: 'single_choice', ...common, options: texts, answer: right[0]! } };
}

function numericAnswer(n: NumericalFormat): { value: number; tolerance: number } | null {
  if (n.type === 'high-low' && n.numberLow !== undefined && n.numberHigh !== undefined)
    return { value: (n.numberLow + n.numberHigh) / 2, tolerance: Math.abs(n.numberHigh - n.numberLow) / 2 };
  if (n.number !== undefined) return { value: n.number, tolerance: Math.abs(n.range ?? 0) };
  return null;
}

function mapQuestion(q: Exclude<GIFTQuestion, { type: 'Category' }>): Mapped {
  if (q.type === 'Description') return { description: clean(q.stem.text) };
  const common = { prompt: clean(q.stem.text), explanation: q.globalFeedback ? clean(q.globalFeedback.text) : '', source: '' as const };
  switch (q.type) {
    case 'MC':
      return mapChoices(q, common);
    case 'TF':
      return { question: { type: 'true_false', ...common, answer: q.isTrue } };
    case 'Short': {
      const accepted = q.choices.filter((c) => c.isCorrect || (c.weight ?? 0) > 0).map((c) => clean(c.text.text));
      return { question: { type: 'fill_blank', ...common, answer: accepted } };
    }
    case 'Numerical': {
      const choices: NumericalChoice[] = Array.isArray(q.choices)
        ? q.choices
        : [{ isCorrect: true, weight: null, text: q.choices, feedback: null }];
      const full = choices.find((c) => c.isCorrect && (c.weight === null || c.weight === 100));
      if (!full) return { skip: 'numerical question without a fully right answer' };
      if (choices.some((c) => c !== full && c.isCorrect))
        return { skip: 'numerical question with several accepted answers (partial credit): Casewise keeps one value and a tolerance' };
      const answer = numericAnswer(full.text);
      if (!answer) return { skip: 'numerical answer without a number' };
      return { question: { type: 'numeric', ...common, answer } };
    }
    case 'Matching': {
      if (q.matchPairs.some((p) => !clean(p.subquestion.text)))
        return { skip: 'matching with extra right-hand answers (no left term): Casewise matches one to one' };
      return {
        question: {
          type: 'matching',
          ...common,
          pairs: q.matchPairs.map((p) => [clean(p.subquestion.text), clean(p.subanswer)] as [string, string]),
        },
      };
    }
    case 'Essay':
      return { question: { type: OPEN_RESPONSE, ...common, modelAnswer: '', rubric: [] } };
  }
}

/** Lines of the input where each parsed item starts: the input is cut at blank lines and parsed piece by piece. */
function itemLines(text: string, count: number): number[] {
  const lines = text.split(/\r?\n/);
  const starts: number[] = [];
  let pieceStart: number | null = null;
  let piece: string[] = [];
  const flush = (force: boolean) => {
    if (pieceStart === null) return;
    let items: GIFTQuestion[];
    try {
      items = parse(`${piece.join('\n')}\n`);
    } catch {
      if (!force) return; // a blank line inside a question: keep reading into the same piece
      items = [];
    }
    const first = piece.findIndex((l) => l.trim() && !l.trim().startsWith('//'));
    for (let k = 0; k < items.length; k++) starts.push(pieceStart + Math.max(first, 0) + 1);
    pieceStart = null;
    piece = [];
  };
  lines.forEach((line, i) => {
    if (!line.trim()) return flush(false);
    if (pieceStart === null) pieceStart = i;
    piece.push(line);
  });
  flush(true);
  return starts.length === count ? starts : Array.from({ length: count }, (_, i) => starts[i] ?? 1);
}

/**
 * The parser's "Expected "}" but "\n" found." as one plain clause without its own full stop: what is
 * wrong and where, not the grammar's list of everything that could have come next.
 */
export function syntaxReason(message: string | undefined): string {
  const m = /^Expected ([\s\S]+) but ([\s\S]+) found\.?$/.exec(message ?? '');
  if (!m) return 'this is not GIFT';
  const found =
    m[2] === '"\\n"' ? 'the end of the line' : m[2] === 'end of input' ? 'the end of the file' : m[2]!.replace(/^"(.*)"$/, '“$1”');
  if (m[1] === '"}"') return `a “{” is not closed: GIFT expected “}” before ${found}`;
  if (m[1] === '"{"') return `GIFT expected a “{” with the answers before ${found}`;
  return `GIFT cannot read ${found} here`;
}

/** Reads a GIFT document. Never throws on bad input. */
export function importGift(input: string): GiftImport {
  if (input.length > MAX_GIFT_CHARS) return { ok: false, line: 1, reason: `the file is over ${MAX_GIFT_CHARS} characters` };
  if (input.includes('\u0000'))
    return { ok: false, line: input.slice(0, input.indexOf('\u0000')).split('\n').length, reason: 'not a text file' };
  // Whatever reads the file (the app's upload, the command line, a confirm form sent back by hand),
  // no invisible control character reaches a stored question.
  const control = input.search(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
  if (control >= 0)
    return { ok: false, line: input.slice(0, control).split('\n').length, reason: 'an invisible control character is in the text' };
  const text = input.replace(/^\uFEFF/, '');
  let items: GIFTQuestion[];
  try {
    items = parse(`${text}\n`);
  } catch (error) {
    const e = error as { location?: { start: { line: number } }; message?: string };
    // The parser reads one line more than the input (the newline added above); an error there is on the last line.
    const lastLine = text.split(/\r?\n/).length;
    return { ok: false, line: Math.min(e.location?.start.line ?? 1, lastLine), reason: syntaxReason(e.message) };
  }
  const lines = itemLines(text, items.length);
  const questions: ImportedQuestion[] = [];
  const skipped: Skipped[] = [];
  let category: string | undefined;
  // A description waits for the question after it; descriptions in a row are one intro, in paragraphs.
  let intro: { text: string; line: number } | null = null;
  const skip = (line: number, reason: string) => {
    if (intro) skipped.push({ line: intro.line, reason: `a description before the question on line ${line}, which is skipped` });
    intro = null;
    skipped.push({ line, reason });
  };
  items.forEach((item, i) => {
    const line = lines[i]!;
    if (item.type === 'Category') {
      category = squash(item.title) || undefined;
      return;
    }
    const mapped = mapQuestion(item);
    if ('description' in mapped) {
      if (!mapped.description) return skipped.push({ line, reason: 'an empty description' });
      const text: string = intro ? `${intro.text}\n\n${mapped.description}` : mapped.description;
      // Too long: this description is left out; one before it still introduces the next question.
      if (text.length > MAX_INTRO)
        return skipped.push({ line, reason: `a description over ${MAX_INTRO} characters${intro ? ' with the one just before it' : ''}` });
      intro = { text, line: intro?.line ?? line };
      return;
    }
    if ('skip' in mapped) return skip(line, mapped.skip);
    const checked = questionSchema.safeParse(mapped.question);
    if (!checked.success) return skip(line, checked.error.issues[0]!.message);
    const title = item.title ? squash(item.title) : undefined;
    const lead = intro ? { intro: intro.text, introLine: intro.line } : {};
    intro = null;
    questions.push({ ...mapped.question, ...lead, line, ...(category ? { category } : {}), ...(title ? { title } : {}) });
  });
  const trailing = intro as { line: number } | null;
  if (trailing)
    skipped.push({ line: trailing.line, reason: 'a description after the last question: there is no question to show it before' });
  skipped.sort((a, b) => a.line - b.line);
  return { ok: true, questions, skipped };
}
