import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES, readArticleInput } from './article-input';

const file = (name: string, content: string | Uint8Array) => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, size: bytes.length, bytes };
};

describe('readArticleInput', () => {
  it('takes pasted text when no file is chosen', () => {
    expect(readArticleInput({ text: 'Title\n\nBody', file: null })).toEqual({ ok: true, text: 'Title\n\nBody', source: null });
  });

  it('prefers a chosen file, drops a byte-order mark and names the source', () => {
    const got = readArticleInput({ text: 'ignored', file: file('case.md', '\uFEFF# Harbor Coffee\n\nText') });
    expect(got).toEqual({ ok: true, text: '# Harbor Coffee\n\nText', source: 'case.md' });
  });

  it('refuses a file over 1 MB and says how large it is', () => {
    const got = readArticleInput({ text: '', file: { name: 'big.txt', size: 10 * 1024 * 1024, bytes: new Uint8Array() } });
    expect(got).toMatchObject({ ok: false, field: 'file' });
    expect(!got.ok && got.error).toMatch(/10,240 KB; the limit is 1 MB/);
  });

  it('refuses pasted text over 1 MB', () => {
    expect(readArticleInput({ text: 'é'.repeat(MAX_ARTICLE_BYTES / 2 + 1), file: null })).toMatchObject({ ok: false, field: 'text' });
  });

  it('refuses files that are not text: wrong extension, NUL bytes, invalid UTF-8', () => {
    for (const f of [
      file('slides.pdf', '%PDF-1.7'),
      file('case.txt', new Uint8Array([72, 0, 105])),
      file('case.md', new Uint8Array([0xc3, 0x28])),
    ]) {
      const got = readArticleInput({ text: '', file: f });
      expect(got, f.name).toMatchObject({ ok: false, field: 'file' });
      expect(!got.ok && got.error).toMatch(/not a text file|not plain text/);
    }
  });

  it('asks for an article when both are empty', () => {
    expect(readArticleInput({ text: '  \n ', file: null })).toMatchObject({
      ok: false,
      error: 'Paste an article or choose a .md or .txt file.',
    });
  });

  it('accepts right-to-left text and emoji', () => {
    expect(readArticleInput({ text: 'دراسة حالة 📈', file: null }).ok).toBe(true);
  });
});
