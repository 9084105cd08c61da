import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

/** The cells of one line as a program that splits on `separator` and ignores quoting would see them. */
const naiveCells = (line: string, separator: string) => line.split(separator).map((c) => c.replace(/^"|"$/g, ''));
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('toCsv', () => {
  it('writes RFC 4180 rows with CRLF, every cell quoted, quotes doubled, after a UTF-8 BOM', () => {
    expect(
      toCsv([
        ['Name', 'Score'],
        ['Zoë, "Z"', 0.5],
        ['two\nlines', null],
      ]),
    ).toBe('\uFEFF"Name","Score"\r\n"Zoë, ""Z""","0.5"\r\n"two\nlines",""\r\n');
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '＝1+1'])('neutralises a formula cell: %s', (evil) => {
    const line = toCsv([[evil]])
      .slice(1)
      .trimEnd();
    expect(line.startsWith(`"'`)).toBe(true);
  });

  it.each([';', '|', ',', '\t'])('neutralises a formula after a %j, for programs that split there', (separator) => {
    const line = toCsv([[`Zed${separator}=cmd|' /C calc'!A0`, 'Ann', 3]])
      .slice(1)
      .trimEnd();
    const cells = naiveCells(line, separator);
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.filter((c) => FORMULA.test(c))).toEqual([]);
  });

  it('keeps ordinary text and numbers as they were', () => {
    expect(toCsv([['Ann-Marie O’Neil', -1.5, 'a - b']])).toBe('\uFEFF"Ann-Marie O’Neil","-1.5","a - b"\r\n');
  });
});
