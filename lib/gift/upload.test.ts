import { describe, expect, it } from 'vitest';
import { IMPORTED_ESSAY_CRITERION, essayImportNote, planLessonImport } from './lesson-import';
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
  it('makes an essay a written answer: its general feedback the model answer, one general criterion as the rubric', () => {
    const plan = planLessonImport(
      'Argue for the split. {####Linen is a commodity; sterile services run the theatres.}\n\nSome words.\n\nRight? {T}\n',
    );
    expect(plan).toEqual({
      ok: true,
      questions: [
        expect.objectContaining({
          type: 'open_response',
          line: 1,
          prompt: 'Argue for the split.',
          modelAnswer: 'Linen is a commodity; sterile services run the theatres.',
          explanation: '',
          rubric: [IMPORTED_ESSAY_CRITERION],
        }),
        expect.objectContaining({ type: 'true_false', line: 5, intro: 'Some words.', introLine: 3 }),
      ],
      skipped: [],
    });
    expect(essayImportNote('Linen is a commodity.')).toContain('the model answer is the file’s general feedback');
  });

  it('imports an essay without general feedback with no model answer, and says so in the preview note', () => {
    const plan = planLessonImport('Argue for the split. {}\n');
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.questions[0]).toMatchObject({ type: 'open_response', modelAnswer: '', rubric: [IMPORTED_ESSAY_CRITERION] });
    expect(essayImportNote('')).toContain('no model answer yet');
  });
});
