import type { EditableQuestion } from '@/lib/questions/editor';
import { OPEN_RESPONSE } from '@/lib/questions/kinds';

/**
 * GIFT out: Casewise questions as Moodle's plain-text format. Explanations become general feedback
 * (####), ordering becomes matching (item -> position), open response becomes essay, an intro becomes
 * the description before its question. Every text is
 * escaped so that importing the output (lib/gift/import) gives the same questions back.
 */

/** Backslash first, then GIFT's control characters; whitespace runs become one space (one question per line). */
export function escapeGift(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\~=#{}:]/g, (c) => `\\${c}`);
}

/** A number as GIFT writes it: plain decimals, never exponent notation. */
function num(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/** Weights of a multiple-select question's right answers: shares of 100 (Moodle's partial credit); wrong answers cost all. */
function share(count: number): string {
  return num(Number((100 / count).toFixed(5)));
}

function answers(q: EditableQuestion): string {
  switch (q.type) {
    case 'single_choice':
      return q.options.map((o, i) => `${i === q.answer ? '=' : '~'}${escapeGift(o)}`).join(' ');
    case 'multiple_choice':
      return q.options.map((o, i) => `~%${q.answer.includes(i) ? share(q.answer.length) : '-100'}%${escapeGift(o)}`).join(' ');
    case 'true_false':
      return q.answer ? 'TRUE' : 'FALSE';
    case 'fill_blank':
      return q.answer.map((a) => `=${escapeGift(a)}`).join(' ');
    case 'numeric':
      return `#${num(q.answer.value)}:${num(q.answer.tolerance)}`;
    case 'ordering':
      return q.items.map((item, i) => `=${escapeGift(item)} -> ${i + 1}`).join(' ');
    case 'matching':
      return q.pairs.map(([l, r]) => `=${escapeGift(l)} -> ${escapeGift(r)}`).join(' ');
    case OPEN_RESPONSE:
      return '';
  }
}

/**
 * One question as a GIFT paragraph. Always titled (Moodle's question name): with the title first, a
 * prompt can never be read as a comment (//), a category or a format marker.
 */
function questionToGift(q: EditableQuestion, title: string): string {
  // An essay's general feedback carries the model answer (Moodle has nowhere else for it in GIFT), and
  // the import reads it back as the model answer.
  const general = q.type === OPEN_RESPONSE && q.modelAnswer.trim() ? q.modelAnswer : q.explanation;
  const feedback = general.trim() ? `####${escapeGift(general)}` : '';
  const inside = [answers(q), feedback].filter(Boolean).join(' ');
  // An intro goes first as GIFT descriptions, a paragraph each (the import joins descriptions in a
  // row into one intro, paragraph by paragraph); titled, so no paragraph can read as markup.
  const intro = (q.intro ?? '')
    .split(/\n\s*\n/)
    .map((para) => escapeGift(para))
    .filter(Boolean)
    .map((para, i) => `::${escapeGift(title)} intro${i ? ` ${i + 1}` : ''}:: ${para}\n\n`)
    .join('');
  return `${intro}::${escapeGift(title)}:: ${escapeGift(q.prompt)} {${inside}}`;
}

/** A list of questions (a lesson's quiz) as GIFT, optionally under one category (its path, one name per level). */
export function questionsToGift(
  questions: readonly EditableQuestion[],
  options: { category?: readonly string[]; titlePrefix?: string } = {},
): string {
  const parts: string[] = [];
  if (options.category?.length) parts.push(`$CATEGORY: ${options.category.map(categoryName).join('/')}`);
  questions.forEach((q, i) => parts.push(questionToGift(q, `${options.titlePrefix ?? 'Question'} ${i + 1}`)));
  return `${parts.join('\n\n')}\n`;
}

/** A category path segment: one line, slashes doubled as Moodle reads them. */
function categoryName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().replace(/\//g, '//');
}

/** A case study as GIFT: one $CATEGORY per lesson that has questions, under the case's title. */
export function caseToGift(title: string, lessons: readonly { title: string; questions: readonly EditableQuestion[] }[]): string {
  return lessons
    .map((lesson, i) => ({ lesson, i }))
    .filter(({ lesson }) => lesson.questions.length > 0)
    .map(({ lesson, i }) =>
      questionsToGift(lesson.questions, {
        category: [title, lesson.title],
        titlePrefix: `Lesson ${i + 1} question`,
      }),
    )
    .join('\n');
}
