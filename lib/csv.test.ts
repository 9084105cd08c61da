import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes RFC 4180 rows with CRLF, quoting commas, quotes and line breaks, after a UTF-8 BOM', () => {
    expect(toCsv([['Name', 'Score'], ['Zoë, "Z"', 0.5], ['two\nlines', null]])).toBe(
      '\uFEFFName,Score\r\n"Zoë, ""Z""",0.5\r\n"two\nlines",\r\n',
    );
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd'])('neutralises a formula cell: %s', (evil) => {
    const line = toCsv([[evil]]).slice(1).trimEnd();
    expect(line.replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('leaves negative numbers as numbers', () => {
    expect(toCsv([[-1.5]])).toBe('\uFEFF-1.5\r\n');
  });
});
