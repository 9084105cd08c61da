import { describe, expect, it } from 'vitest';
import { exportFile, isExportFormat } from './export-file';

const cs = {
  slug: 'harbor-coffee',
  title: 'Harbor Coffee: A Case',
  lessons: [
    {
      id: 'l1',
      slug: 'the-early-years',
      title: 'The Early Years',
      questions: [{ type: 'true_false' as const, prompt: 'It opened in 2012.', answer: true, explanation: '', source: '' }],
    },
    { id: 'l2', slug: 'later/on "x"', title: 'Later', questions: [] },
  ],
};

describe('exportFile', () => {
  it('names a case study’s and a lesson’s file after their addresses, safe for a header', () => {
    expect(exportFile(cs, 'gift', null)).toMatchObject({ fileName: 'harbor-coffee.gift', contentType: 'text/plain; charset=utf-8' });
    expect(exportFile(cs, 'moodle', 'l1')?.fileName).toBe('harbor-coffee-the-early-years.xml');
    expect(exportFile(cs, 'qti', 'l2')?.fileName).toBe('harbor-coffee-later-on-x-qti.zip');
  });

  it('writes one lesson under its case study’s category, and nothing for a lesson that is not the case study’s', () => {
    const lesson = exportFile(cs, 'gift', 'l1')!.body as string;
    expect(lesson).toBe('$CATEGORY: Harbor Coffee: A Case/The Early Years\n\n::Question 1:: It opened in 2012. {TRUE}\n');
    expect(exportFile(cs, 'gift', 'l3')).toBeNull();
    expect(exportFile(cs, 'qti', null)!.body).toBeInstanceOf(Uint8Array);
  });

  it('knows only its three formats', () => {
    expect(['gift', 'moodle', 'qti'].every(isExportFormat)).toBe(true);
    expect(['GIFT', 'xml', '', 'toString', '__proto__', null].some((f) => isExportFormat(f))).toBe(false);
  });
});
