import { describe, expect, it } from 'vitest';
import { columnAverages, sortRows, studentAverage } from './gradebook';

const row = (name: string, ...scores: (number | null)[]) => ({ name, cells: scores.map((score) => ({ score })) });
const ann = row('Ann', 1, 0.5);
const ben = row('ben', null, 0.25);
const cy = row('Çy', null, null);
const dee = row('Dee', 0.75, 0.75);

describe('gradebook summaries', () => {
  it('averages a student over the assignments they have a score in', () => {
    expect(studentAverage(ann)).toEqual({ value: 0.75, count: 2 });
    expect(studentAverage(ben)).toEqual({ value: 0.25, count: 1 });
    expect(studentAverage(cy)).toEqual({ value: null, count: 0 });
  });

  it('averages each assignment over the students with a score, never counting "not started" as 0', () => {
    expect(columnAverages([ann, ben, cy, dee], 2)).toEqual([
      { value: 0.875, count: 2 },
      { value: 0.5, count: 3 },
    ]);
    expect(columnAverages([], 2)).toEqual([
      { value: null, count: 0 },
      { value: null, count: 0 },
    ]);
  });

  it('sorts by name ignoring case and accents, or by average with no score last', () => {
    expect(sortRows([dee, cy, ben, ann], 'name').map((r) => r.name)).toEqual(['Ann', 'ben', 'Çy', 'Dee']);
    expect(sortRows([cy, ben, dee, ann], 'score').map((r) => r.name)).toEqual(['Ann', 'Dee', 'ben', 'Çy']);
    const tie = row('Abe', 0.75);
    expect(sortRows([dee, tie, ann], 'score').map((r) => r.name)).toEqual(['Abe', 'Ann', 'Dee']);
  });
});
