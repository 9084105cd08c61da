import type { EditableQuestion } from '@/lib/questions/editor';
import { OPEN_RESPONSE } from '@/lib/questions/kinds';
import { introParagraphs, xmlNumber, xmlText } from './xml';

/**
 * Moodle XML out: the question bank format Moodle imports with the most fidelity. Same inputs as the
 * GIFT export (lib/gift/export), so a caller can offer either. Every text is plain text
 * (format="plain_text": Moodle escapes it when it shows it, so "<b>" stays two characters and a
 * letter) and XML-escaped exactly; characters XML forbids are removed (lib/exchange/xml).
 */

/**
 * A right or wrong answer's share of the mark as Moodle writes it: a percentage with five decimals,
 * which is Moodle's stored fraction to seven (1/3 → 33.33333, stored 0.3333333). Shares of up to
 * ten answers are all on Moodle's list of grade options.
 */
export function moodleFraction(share: number): string {
  return xmlNumber(Number((share * 100).toFixed(5)));
}

const text = (value: string) => `<text>${xmlText(value)}</text>`;
const plain = (tag: string, value: string) => `<${tag} format="plain_text">${text(value)}</${tag}>`;
const noFeedback = plain('feedback', '');

/** Shortanswer reads "*" as a wildcard; "\*" is a literal asterisk. */
const literalPattern = (answer: string) => answer.replace(/\*/g, '\\*');

function answer(fraction: string, value: string, extra = ''): string {
  return `<answer fraction="${fraction}" format="plain_text">${text(value)}${noFeedback}${extra}</answer>`;
}

/** What the graders read on an essay: the model answer, then the rubric with each criterion's points. */
function graderInfo(modelAnswer: string, rubric: readonly { label: string; points: number }[]): string {
  const criteria = rubric.map((c) => `- ${c.label} (${c.points} ${c.points === 1 ? 'point' : 'points'})`);
  return [`Model answer:\n${modelAnswer}`, criteria.length ? `Rubric:\n${criteria.join('\n')}` : ''].filter(Boolean).join('\n\n');
}

/** The elements after the common header, and Moodle's name for the kind. */
function body(q: EditableQuestion): { type: string; parts: string[] } {
  switch (q.type) {
    case 'single_choice':
      return {
        type: 'multichoice',
        parts: [
          '<single>true</single>',
          '<shuffleanswers>true</shuffleanswers>',
          '<answernumbering>abc</answernumbering>',
          ...q.options.map((o, i) => answer(i === q.answer ? '100' : '0', o)),
        ],
      };
    case 'multiple_choice': {
      // Moodle adds the fractions of the chosen answers and keeps the sum between 0 and 1: the same
      // credit as Casewise's grading (a share per right choice less a share per wrong one).
      const right = new Set(q.answer);
      const wrong = q.options.length - right.size;
      return {
        type: 'multichoice',
        parts: [
          '<single>false</single>',
          '<shuffleanswers>true</shuffleanswers>',
          '<answernumbering>abc</answernumbering>',
          ...q.options.map((o, i) => answer(right.has(i) ? moodleFraction(1 / right.size) : moodleFraction(-1 / wrong), o)),
        ],
      };
    }
    case 'true_false':
      return { type: 'truefalse', parts: [answer(q.answer ? '100' : '0', 'true'), answer(q.answer ? '0' : '100', 'false')] };
    case 'fill_blank':
      return { type: 'shortanswer', parts: ['<usecase>0</usecase>', ...q.answer.map((a) => answer('100', literalPattern(a)))] };
    case 'numeric': {
      const units = q.unit?.trim()
        ? [`<units><unit><multiplier>1</multiplier><unit_name>${xmlText(q.unit.trim())}</unit_name></unit></units>`]
        : [];
      return {
        type: 'numerical',
        parts: [
          answer('100', xmlNumber(q.answer.value), `<tolerance>${xmlNumber(q.answer.tolerance)}</tolerance>`),
          ...units,
          '<unitgradingtype>0</unitgradingtype>',
        ],
      };
    }
    case 'matching':
      return {
        type: 'matching',
        parts: [
          '<shuffleanswers>true</shuffleanswers>',
          ...q.pairs.map(([l, r]) => `<subquestion format="plain_text">${text(l)}<answer>${text(r)}</answer></subquestion>`),
        ],
      };
    case 'ordering':
      // Moodle's ordering question (core since Moodle 4.4): the items in their right order, each
      // answer's fraction its position; ABSOLUTE_POSITION gives a share per item in its place, as Casewise does.
      return {
        type: 'ordering',
        parts: [
          '<layouttype>VERTICAL</layouttype>',
          '<selecttype>ALL</selecttype>',
          `<selectcount>${q.items.length}</selectcount>`,
          '<gradingtype>ABSOLUTE_POSITION</gradingtype>',
          '<showgrading>SHOW</showgrading>',
          '<numberingstyle>none</numberingstyle>',
          ...q.items.map((item, i) => `<answer fraction="${i + 1}" format="plain_text">${text(item)}</answer>`),
        ],
      };
    case OPEN_RESPONSE:
      return {
        type: 'essay',
        parts: [
          '<responseformat>plain</responseformat>',
          '<responserequired>1</responserequired>',
          '<responsefieldlines>15</responsefieldlines>',
          '<attachments>0</attachments>',
          '<attachmentsrequired>0</attachmentsrequired>',
          plain('graderinfo', graderInfo(q.modelAnswer, q.rubric)),
          plain('responsetemplate', ''),
        ],
      };
  }
}

function questionToXml(q: EditableQuestion, name: string): string {
  const { type, parts } = body(q);
  const lines = [
    `<name>${text(name)}</name>`,
    plain('questiontext', q.prompt),
    plain('generalfeedback', q.explanation),
    '<defaultgrade>1</defaultgrade>',
    '<penalty>0.3333333</penalty>',
    '<hidden>0</hidden>',
    ...parts,
  ];
  const question = `  <question type="${type}">\n${lines.map((l) => `    ${l}`).join('\n')}\n  </question>`;
  return introParagraphs(q.intro).length ? `${descriptionToXml(q.intro!, `${name} intro`)}\n${question}` : question;
}

/** An intro as Moodle's ungraded "description" question, just before the question it introduces. */
function descriptionToXml(intro: string, name: string): string {
  const paragraphs = introParagraphs(intro);
  const html = paragraphs.map((para) => `<p>${escapeHtml(para)}</p>`).join('');
  return [
    '  <question type="description">',
    `    <name>${text(name)}</name>`,
    `    <questiontext format="html">${text(html)}</questiontext>`,
    '    <defaultgrade>0</defaultgrade>',
    '    <penalty>0</penalty>',
    '    <hidden>0</hidden>',
    '  </question>',
  ].join('\n');
}

/** HTML inside the XML text: markup escaped, and line-break characters as references so no parser turns them into line feeds. */
function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\u0085\u2028]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A category path as Moodle reads it: levels joined by "/", a slash inside a name doubled. */
function categoryPath(path: readonly string[]): string {
  return path.map((name) => name.replace(/\s+/g, ' ').trim().replace(/\//g, '//')).join('/');
}

function categoryToXml(path: readonly string[]): string {
  return `  <question type="category">\n    <category>${text(categoryPath(path))}</category>\n  </question>`;
}

function quiz(parts: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${parts.map((p) => `${p}\n`).join('')}</quiz>\n`;
}

function questionParts(questions: readonly EditableQuestion[], category: readonly string[] | undefined, titlePrefix: string): string[] {
  const parts = category?.length ? [categoryToXml(category)] : [];
  questions.forEach((q, i) => parts.push(questionToXml(q, `${titlePrefix} ${i + 1}`)));
  return parts;
}

/** A list of questions (a lesson's quiz) as Moodle XML, optionally under one category (its path, one name per level). */
export function questionsToMoodleXml(questions: readonly EditableQuestion[], options: { category?: readonly string[] } = {}): string {
  return quiz(questionParts(questions, options.category, 'Question'));
}

/** A case study as Moodle XML: one category per lesson that has questions, under the case's title. */
export function caseToMoodleXml(title: string, lessons: readonly { title: string; questions: readonly EditableQuestion[] }[]): string {
  return quiz(
    lessons.flatMap((lesson, i) =>
      lesson.questions.length ? questionParts(lesson.questions, [title, lesson.title], `Lesson ${i + 1} question`) : [],
    ),
  );
}
