import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import type { EditableQuestion } from '@/lib/questions/editor';
import { generateQuizzes } from '@/lib/quizgen/generate';
import { MOODLE_FRACTIONS, notWellFormed, readMoodleXml } from '@/test/support/exchange-readers';
import { EVERY_KIND, hostileQuestion, SHIPPED, xmlCarried } from '@/test/support/hostile-questions';
import { caseToMoodleXml, moodleFraction, questionsToMoodleXml } from './moodle-xml';

describe('Moodle XML export', () => {
  it('writes each kind as the Moodle question type that keeps it best', () => {
    const xml = questionsToMoodleXml(EVERY_KIND, { category: ['Harbor/Coffee', 'Lesson'] });
    const read = readMoodleXml(xml);
    expect(read.map((r) => r.category)).toEqual(EVERY_KIND.map(() => 'Harbor//Coffee/Lesson'));
    expect(read.map((r) => r.name)).toEqual(EVERY_KIND.map((_, i) => `Question ${i + 1}`));
    expect(read.map((r) => r.question)).toEqual(EVERY_KIND.map(xmlCarried));
    expect([...xml.matchAll(/<question type="(\w+)">/g)].map((m) => m[1])).toEqual([
      'category',
      'multichoice',
      'multichoice',
      'truefalse',
      'shortanswer',
      'numerical',
      'ordering',
      'matching',
      'essay',
    ]);
    // Three right answers of four: a third each; the wrong one costs the whole mark.
    expect(read[1]!.fractions).toEqual([33.33333, 33.33333, -100, 33.33333]);
    expect(xml).toContain('<tolerance>2.5</tolerance>');
    expect(xml).toContain('<unit_name>%</unit_name>');
  });

  it('gives multiple-select answers fractions from Moodle’s list that add up to the whole mark', () => {
    for (let options = 2; options <= 10; options++)
      for (let right = 1; right < options; right++) {
        const answer = Array.from({ length: right }, (_, i) => i);
        const q: EditableQuestion = {
          type: 'multiple_choice',
          prompt: 'Which?',
          options: Array.from({ length: options }, (_, i) => `option ${i}`),
          answer,
          explanation: '',
          source: '',
        };
        const { fractions } = readMoodleXml(questionsToMoodleXml([q]))[0]!;
        for (const f of fractions) expect(MOODLE_FRACTIONS).toContain(f);
        const rightSum = fractions.slice(0, right).reduce((a, b) => a + b, 0);
        const wrongSum = fractions.slice(right).reduce((a, b) => a + b, 0);
        // Moodle stores seven decimals of the fraction: within rounding of 100 and −100.
        expect(Math.abs(rightSum - 100)).toBeLessThan(1e-3);
        expect(Math.abs(wrongSum + 100)).toBeLessThan(1e-3);
      }
    expect(moodleFraction(1 / 3)).toBe('33.33333');
    expect(moodleFraction(-1 / 6)).toBe('-16.66667');
  });

  it('removes the control characters XML forbids, so the file stays well formed', async () => {
    const forbidden = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i))
      .filter((c) => !'\t\n\r'.includes(c))
      .join('');
    const q: EditableQuestion = {
      type: 'single_choice',
      prompt: `Why${forbidden}\uFFFE\uFFFF\uD800 <now> & "then" ]]>?`,
      options: [`a${forbidden}`, 'b'],
      answer: 0,
      explanation: '',
      source: '',
    };
    const xml = questionsToMoodleXml([q]);
    expect(await notWellFormed({ 'q.xml': xml })).toEqual([]);
    expect(readMoodleXml(xml)[0]!.question).toMatchObject({ prompt: 'Why <now> & "then" ]]>?', options: ['a', 'b'] });
    // The check itself refuses what it should: the same text written without the filtering.
    expect(await notWellFormed({ 'raw.xml': `<quiz><text>${q.prompt.replace(/[<&>]/g, '')}</text></quiz>` })).not.toEqual([]);
  });

  it('escapes hostile text exactly: random questions come back with every key, answer and tolerance', async () => {
    const documents: Record<string, string> = {};
    let checked = 0;
    fc.assert(
      fc.property(fc.array(hostileQuestion, { minLength: 1, maxLength: 6 }), (questions) => {
        const xml = questionsToMoodleXml(questions, { category: ['Case <&>', 'Lesson "1"'] });
        documents[`run${checked++}.xml`] = xml;
        const read = readMoodleXml(xml);
        expect(read.map((r) => r.question)).toEqual(questions.map(xmlCarried));
        expect(read.every((r) => r.category === 'Case <&>/Lesson "1"')).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(checked).toBe(200);
    expect(await notWellFormed(documents)).toEqual([]);
  });

  it('exports every shipped article’s quiz one category per lesson, every question with its key', async () => {
    const kinds = new Set<string>();
    for (const file of SHIPPED) {
      const parsed = parseCaseStudy(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error);
      const quiz = generateQuizzes(parsed.caseStudy);
      const xml = caseToMoodleXml(parsed.caseStudy.title, quiz.lessons);
      expect(await notWellFormed({ [file]: xml })).toEqual([]);
      const read = readMoodleXml(xml);
      const sent = quiz.lessons.flatMap((l) => l.questions);
      for (const q of sent) kinds.add(q.type);
      expect(read.map((r) => r.question)).toEqual(sent.map(xmlCarried));
      const path = (l: { title: string }) => [parsed.caseStudy.title, l.title].map((t) => t.replace(/\//g, '//')).join('/');
      expect(read.map((r) => r.category)).toEqual(quiz.lessons.flatMap((l) => l.questions.map(() => path(l))));
      expect(read.map((r) => r.name)).toEqual(
        quiz.lessons.flatMap((l, i) => l.questions.map((_, j) => `Lesson ${i + 1} question ${j + 1}`)),
      );
    }
    expect(kinds).toContain('ordering');
    // Generated quizzes hold choices, true/false and ordering; every other kind is exported by the tests above.
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });
});
