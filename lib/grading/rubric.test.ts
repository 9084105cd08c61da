import { describe, expect, it } from 'vitest';
import { gradeSheet } from './grade';
import { awardedShare, readRubricScoring } from './rubric';

const rubric = [
  { label: 'Names the cause', points: 3 },
  { label: 'Uses evidence', points: 2 },
];
const form = (fields: Record<string, string>) => (name: string) => (name in fields ? [fields[name]!] : []);

describe('rubric scoring', () => {
  it('reads whole points within each criterion and sums them', () => {
    expect(readRubricScoring(rubric, form({ 'points.0': '3', 'points.1': '0', comment: ' Good. ' }))).toEqual({
      ok: true,
      points: [3, 0],
      total: 3,
      comment: 'Good.',
    });
  });

  it.each(['4', '-1', '1.5', '1e1', ' ', 'three', '0x2'])('refuses %j for a 3-point criterion instead of clamping it', (value) => {
    const read = readRubricScoring(rubric, form({ 'points.0': value, 'points.1': '1' }));
    expect(read.ok).toBe(false);
    expect(read.ok === false && Object.keys(read.errors)).toEqual(['points.0']);
  });

  it('gives the awarded share of the rubric', () => {
    expect(awardedShare(rubric, [3, 1])).toBeCloseTo(0.8);
    expect(awardedShare([], [])).toBe(0);
  });

  it('a sheet with a written answer: the written part waits; the closed part counts at once', () => {
    const graded = gradeSheet(
      [
        { id: 'a', data: { type: 'true_false' }, answerKey: { type: 'true_false', answer: true } },
        { id: 'w', data: { type: 'open_response' }, answerKey: { type: 'open_response', modelAnswer: 'M', rubric } },
        { id: 'blank', data: { type: 'open_response' }, answerKey: { type: 'open_response', modelAnswer: 'M', rubric } },
      ],
      new Map([
        ['a', { type: 'true_false', value: true }],
        ['w', { type: 'open_response', text: 'My answer' }],
      ]),
    );
    // Every question is one mark; the written one earns nothing until a person grades it.
    expect(graded).toMatchObject({ score: 1, maxScore: 3, awaiting: ['w'] });
    expect(graded.graded.find((g) => g.questionId === 'w')).toMatchObject({ credit: 0, correct: false });
  });
});
