import { describe, expect, it } from 'vitest';
import { ESSAY_SKIP_REASON, planLessonImport } from './lesson-import';
import { readGiftUpload } from './upload';

const file = (name: string, content: string | Uint8Array, size?: number) => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, size: size ?? bytes.length, bytes };
};

describe('readGiftUpload', () => {
  it('reads a .gift or .txt file as UTF-8, without a byte-order mark', () => {
    expect(readGiftUpload(file('bank.gift', '\uFEFFQ? {T}'))).toEqual({ ok: true, text: 'Q? {T}', fileName: 'bank.gift' });
    expect(readGiftUpload(file('Bank.TXT', 'Q? {F}'))).toMatchObject({ ok: true, fileName: 'Bank.TXT' });
  });

  it.each([
    ['no file', null, 'Choose a .gift or .txt file'],
    ['an empty file', file('bank.gift', ''), 'Choose a .gift or .txt file'],
    ['another extension', file('bank.xml', '<quiz/>'), 'is not a GIFT file'],
    ['binary data', file('bank.gift', new Uint8Array([0x51, 0, 0x7b])), 'holds binary data'],
    ['control characters', file('bank.gift', 'Q\u0007? {T}'), 'control characters'],
    ['text that is not UTF-8', file('bank.gift', new Uint8Array([0x51, 0xff, 0xfe, 0x7b])), 'is not UTF-8'],
    ['a file over 1 MB (refused by its size alone)', file('bank.gift', '', 2_000_000), 'the limit is 1 MB'],
  ])('refuses %s with a message', (_, input, message) => {
    const read = readGiftUpload(input);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain(message);
  });
});

describe('planLessonImport', () => {
  it('skips an essay with its line and reason, in line order beside the parser’s own skips', () => {
    const plan = planLessonImport('Describe it. {}\n\nSome words.\n\nRight? {T}\n');
    expect(plan).toEqual({
      ok: true,
      questions: [expect.objectContaining({ type: 'true_false', line: 5 })],
      skipped: [
        { line: 1, reason: ESSAY_SKIP_REASON },
        { line: 3, reason: expect.stringContaining('description') },
      ],
    });
  });
});
