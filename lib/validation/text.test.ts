import { describe, expect, it } from 'vitest';
import { hasControlCharacters, withoutControlCharacters } from './text';

describe('hasControlCharacters', () => {
  it('finds NUL, escape, backspace and DEL', () => {
    for (const c of ['\u0000', '\u001b', '\b', '\u007f']) expect(hasControlCharacters(`Zed${c}Smith`), JSON.stringify(c)).toBe(true);
  });

  it('lets tabs, line breaks and any printable Unicode through', () => {
    expect(hasControlCharacters('Line one\r\nline\ttwo — Zoë 李 مرحبا 🎓')).toBe(false);
  });
});

describe('withoutControlCharacters', () => {
  it('keeps everything else as typed', () => {
    expect(withoutControlCharacters('A\u0000l\u0007i\tce')).toBe('Ali\tce');
  });
});
