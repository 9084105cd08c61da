import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import type { EditableQuestion } from '@/lib/questions/editor';
import { generateQuizzes } from '@/lib/quizgen/generate';
import { notWellFormed, readQtiPackage, unzipText, type QtiRead } from '@/test/support/exchange-readers';
import { EVERY_KIND, hostileQuestion, SHIPPED, xmlCarried } from '@/test/support/hostile-questions';
import { caseToQtiPackage, questionsToQtiPackage } from './qti';

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
      expect(pkg.sections.map((s) => s.title)).toEqual(lessons.map((l) => l.title));
      expect(pkg.sections.map((s) => s.items.map((i) => i.title))).toEqual(
        quiz.lessons.flatMap((l, i) => (l.questions.length ? [l.questions.map((_, j) => `Lesson ${i + 1} question ${j + 1}`)] : [])),
      );
      const sent = lessons.flatMap((l) => l.questions);
      for (const q of sent) kinds.add(q.type);
      expect(questionsOf(pkg.sections)).toEqual(sent.map(qtiCarried));
    }
    expect(kinds).toContain('ordering');
    expect(kinds.size).toBeGreaterThanOrEqual(4);
  });
});
