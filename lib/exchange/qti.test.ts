import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import type { EditableQuestion } from '@/lib/questions/editor';
import { creditFor } from '@/lib/grading/grade';
import { generateQuizzes } from '@/lib/quizgen/generate';
import { toStoredQuestion } from '@/lib/quizgen/stored';
import type { Question, Response } from '@/lib/quizgen/types';
import { all, children, notWellFormed, parseXml, readQtiPackage, unzipText, type QtiRead } from '@/test/support/exchange-readers';
import { scoreQtiItem, type QtiValue } from '@/test/support/qti-scoring';
import { EVERY_KIND, hostileQuestion, SHIPPED, xmlCarried } from '@/test/support/hostile-questions';
import { caseToQtiPackage, questionsToQtiPackage } from './qti';
import { questionToQtiItem } from './qti-item';
import { xmlSafe } from './xml';

/** What QTI carries: fill-in answers once each ignoring case; matching pairs as given. */
function qtiCarried(q: EditableQuestion): EditableQuestion {
  const carried = xmlCarried(q);
  if (carried.type !== 'fill_blank') return carried;
  const seen = new Set<string>();
  return { ...carried, answer: carried.answer.filter((a) => !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase())) };
}
const questionsOf = (sections: { items: QtiRead[] }[]) => sections.flatMap((s) => s.items.map((i) => i.question));

describe('QTI 3.0 export', () => {
  it('packs a manifest, a test and one item per question, each kind with its interaction and key', async () => {
    const files = unzipText(questionsToQtiPackage(EVERY_KIND, { category: ['Harbor Coffee', 'Costs'] }));
    expect(await notWellFormed(files)).toEqual([]);
    expect(Object.keys(files).sort()).toEqual(
      ['imsmanifest.xml', 'test.xml', ...EVERY_KIND.map((_, i) => `items/ITEM-1-${i + 1}.xml`)].sort(),
    );
    const pkg = readQtiPackage(files);
    expect(pkg.title).toBe('Harbor Coffee / Costs');
    expect(pkg.sections.map((s) => s.title)).toEqual(['Costs']);
    expect(questionsOf(pkg.sections)).toEqual(EVERY_KIND.map(qtiCarried));
    const item = (i: number) => files[`items/ITEM-1-${i}.xml`]!;
    expect(item(1)).toContain('<qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="1">');
    expect(item(4)).toContain('<qti-text-entry-interaction');
    expect(item(6)).toContain('<qti-order-interaction');
    expect(item(7)).toContain('<qti-match-interaction');
    expect(item(8)).toContain('<qti-extended-text-interaction');
    // Partial credit as Casewise grades: a third per right choice, the wrong one costs all.
    expect(pkg.sections[0]!.items[1]!.mapping).toEqual(
      new Map([
        ['C1', 1 / 3],
        ['C2', 1 / 3],
        ['C3', -1],
        ['C4', 1 / 3],
      ]),
    );
    // A numeric key with its tolerance on both sides; an open response scored by a person.
    expect(item(5)).toContain('tolerance-mode="absolute" tolerance="2.5 2.5"');
    expect(item(8)).toContain('external-scored="human"');
    expect(item(8)).not.toContain('<qti-correct-response>');
  });

  it('never shows ordering items or matching choices in the key’s order', () => {
    const files = unzipText(questionsToQtiPackage(EVERY_KIND));
    const shown = (xml: string, tag: string) =>
      [...xml.matchAll(new RegExp(`<${tag} identifier="[^"]+"[^>]*>([^<]*)<`, 'g'))].map((m) => m[1]);
    expect(shown(files['items/ITEM-1-6.xml']!, 'qti-simple-choice')).not.toEqual(['lease', 'roaster', 'warehouse']);
    expect(shown(files['items/ITEM-1-7.xml']!, 'qti-simple-associable-choice').slice(2)).not.toEqual(['b', 'd']);
  });

  it('is the same bytes for the same questions', () => {
    expect(questionsToQtiPackage(EVERY_KIND)).toEqual(questionsToQtiPackage(EVERY_KIND));
  });

  it('an empty quiz still gives a package with a test', async () => {
    const files = unzipText(caseToQtiPackage('Nothing yet', [{ title: 'Lesson', questions: [] }]));
    expect(await notWellFormed(files)).toEqual([]);
    expect(readQtiPackage(files).sections.flatMap((s) => s.items)).toEqual([]);
  });

  it('escapes hostile text exactly: random questions come back with every key, answer and tolerance', async () => {
    const documents: Record<string, string> = {};
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(hostileQuestion, { minLength: 1, maxLength: 6 }),
        fc.array(fc.string(), { maxLength: 2 }),
        (questions, category) => {
          const files = unzipText(questionsToQtiPackage(questions, { category }));
          for (const [path, xml] of Object.entries(files)) documents[`${checked}-${path}`] = xml;
          checked++;
          expect(questionsOf(readQtiPackage(files).sections)).toEqual(questions.map(qtiCarried));
        },
      ),
      { numRuns: 150 },
    );
    expect(checked).toBe(150);
    expect(await notWellFormed(documents)).toEqual([]);
  });

  it('exports every shipped article’s quiz one section per lesson, every question with its key', async () => {
    const kinds = new Set<string>();
    for (const file of SHIPPED) {
      const parsed = parseCaseStudy(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error);
      const quiz = generateQuizzes(parsed.caseStudy);
      const files = unzipText(caseToQtiPackage(parsed.caseStudy.title, quiz.lessons));
      expect(await notWellFormed(files)).toEqual([]);
      const pkg = readQtiPackage(files);
      const lessons = quiz.lessons.filter((l) => l.questions.length);
      expect(pkg.title).toBe(parsed.caseStudy.title);
      // A test needs a section: a case without questions goes out as one empty section named after it.
      expect(pkg.sections.map((s) => s.title)).toEqual(lessons.length ? lessons.map((l) => l.title) : [parsed.caseStudy.title]);
      expect(pkg.sections.map((s) => s.items.map((i) => i.title))).toEqual(
        lessons.length
          ? quiz.lessons.flatMap((l, i) => (l.questions.length ? [l.questions.map((_, j) => `Lesson ${i + 1} question ${j + 1}`)] : []))
          : [[]],
      );
      const sent = lessons.flatMap((l) => l.questions);
      for (const q of sent) kinds.add(q.type);
      expect(questionsOf(pkg.sections)).toEqual(sent.map(qtiCarried));
    }
    expect(kinds).toContain('ordering');
    // Generated quizzes hold choices, true/false and ordering; every other kind is exported by the tests above.
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });

  // A response as Casewise's quiz form gives it (indices into what the learner was shown), drawn for a question.
  function responseFor(q: Question): fc.Arbitrary<Response | null> {
    const stored = toStoredQuestion(q);
    const { data } = stored;
    switch (data.type) {
      case 'single_choice':
        return fc.nat(data.options.length - 1).map((choice) => ({ type: 'single_choice', choice }));
      case 'multiple_choice':
        return fc.subarray(data.options.map((_, i) => i)).map((choices) => ({ type: 'multiple_choice', choices }));
      case 'true_false':
        return fc.boolean().map((value) => ({ type: 'true_false', value }));
      case 'numeric': {
        const { value, tolerance } = q.type === 'numeric' ? q.answer : { value: 0, tolerance: 0 };
        // Clear of the tolerance's edges, where Casewise allows for rounding (1e-9) and QTI compares exactly:
        // a step outside goes 0.01 further out on its own side (CI once drew -1.5 × 0.004 + 0.01, the edge).
        return fc
          .constantFrom(0, 0.5, -0.5, 1.5, -1.5, 3)
          .map((k) => ({ type: 'numeric', value: value + k * tolerance + (Math.abs(k) > 1 ? Math.sign(k) * 0.01 : 0) }));
      }
      case 'ordering':
        return fc
          .shuffledSubarray(
            data.items.map((_, i) => i),
            { minLength: data.items.length, maxLength: data.items.length },
          )
          .map((positions) => ({ type: 'ordering', positions }));
      case 'matching':
        return fc
          .array(fc.nat(data.right.length - 1), { minLength: data.left.length, maxLength: data.left.length })
          .map((choices) => ({ type: 'matching', choices }));
      case 'fill_blank':
        return fc.constant(null);
    }
  }

  /** The same response as a QTI player records it: the identifiers of the choices with those texts. */
  function qtiResponse(q: Question, xml: string, response: Response): QtiValue {
    const doc = parseXml(xml);
    const idOf = (choices: ReturnType<typeof all>, text: string) =>
      choices.find((c) => c.textContent === xmlSafe(text))!.getAttribute('identifier')!;
    const stored = toStoredQuestion(q);
    const { data } = stored;
    const choices = all(doc, 'qti-simple-choice');
    switch (response.type) {
      case 'single_choice':
        return data.type === 'single_choice' ? idOf(choices, data.options[response.choice]!) : null;
      case 'multiple_choice':
        return data.type === 'multiple_choice' ? response.choices.map((i) => idOf(choices, data.options[i]!)) : null;
      case 'true_false':
        return response.value ? 'TRUE' : 'FALSE';
      case 'numeric':
        return response.value;
      case 'ordering': {
        if (data.type !== 'ordering') return null;
        const byPosition = data.items.map((_, position) => data.items[response.positions.indexOf(position)]!);
        return byPosition.map((text) => idOf(choices, text));
      }
      case 'matching': {
        if (data.type !== 'matching') return null;
        const [left, right] = all(doc, 'qti-simple-match-set').map((set) => children(set));
        return response.choices.map((r, i) => `${idOf(left!, data.left[i]!)} ${idOf(right!, data.right[r]!)}`);
      }
      default:
        return null;
    }
  }

  it('scores each item as Casewise grades it: the same credit for the same response', () => {
    const closed = hostileQuestion.filter(
      (q): q is Question =>
        q.type !== 'open_response' &&
        q.type !== 'fill_blank' &&
        (q.type !== 'matching' || new Set(q.pairs.map(([, r]) => xmlSafe(r))).size === q.pairs.length),
    );
    const seen = new Map<string, number>();
    let checked = 0;
    fc.assert(
      fc.property(
        closed.chain((q) => fc.tuple(fc.constant(q), fc.array(responseFor(q), { minLength: 1, maxLength: 4 }))),
        ([q, responses]) => {
          const xml = questionToQtiItem(q, 'ITEM', 'Item');
          const stored = toStoredQuestion(q);
          for (const response of responses) {
            const expected = creditFor(stored, response);
            const { SCORE } = scoreQtiItem(xml, qtiResponse(q, xml, response!));
            expect(SCORE).toBeCloseTo(expected, 9);
            const outcome = `${q.type} ${expected === 0 ? 'none' : expected === 1 ? 'all' : 'part'}`;
            seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
            checked++;
          }
          // No response at all earns nothing.
          expect(scoreQtiItem(xml, null).SCORE).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThanOrEqual(300);
    // Partial credit was really exercised where Casewise gives it.
    for (const kind of ['multiple_choice', 'ordering', 'matching']) expect(seen.has(`${kind} part`), kind).toBe(true);
    for (const kind of ['single_choice', 'true_false', 'numeric']) {
      expect(seen.has(`${kind} all`), kind).toBe(true);
      expect(seen.has(`${kind} none`), kind).toBe(true);
    }
  });

  it('accepts every fill-in answer in any case and nothing else', () => {
    const q: Question = {
      type: 'fill_blank',
      prompt: 'Who?',
      answer: ['Maya Lindqvist', 'Lindqvist', 'lindqvist'],
      explanation: '',
      source: '',
    };
    const xml = questionToQtiItem(q, 'ITEM', 'Item');
    for (const text of ['Maya Lindqvist', 'LINDQVIST', 'lindqvist']) expect(scoreQtiItem(xml, text).SCORE).toBe(1);
    for (const text of ['Maya', 'Lindqvist Maya', '']) expect(scoreQtiItem(xml, text).SCORE).toBe(0);
  });
});
