/** What an instructor hands in at /teach/cases/new: pasted text, or a .md/.txt file. Pure. */

export const MAX_ARTICLE_BYTES = 1024 * 1024;
const TEXT_FILE = /\.(?:md|markdown|txt)$/i;

interface UploadedFile {
  name: string;
  size: number;
  bytes: Uint8Array;
}

type ArticleInput = { ok: true; text: string; source: string | null } | { ok: false; error: string; field: 'text' | 'file' };

const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;

/**
 * Picks the article out of a form: a chosen file wins over pasted text. Refuses what cannot be an
 * article (too large, binary, not UTF-8) with a message that says what to do instead.
 */
export function readArticleInput({ text, file }: { text: string; file: UploadedFile | null }): ArticleInput {
  if (file && file.size > 0) {
    if (file.size > MAX_ARTICLE_BYTES) {
      return {
        ok: false,
        field: 'file',
        error: `“${file.name}” is ${kb(file.size)}; the limit is 1 MB. Split the article or paste the part you need.`,
      };
    }
    if (!TEXT_FILE.test(file.name)) {
      return { ok: false, field: 'file', error: `“${file.name}” is not a text file. Upload a .md or .txt file, or paste the article.` };
    }
    const decoded = decodeText(file.bytes);
    if (decoded === null) {
      return {
        ok: false,
        field: 'file',
        error: `“${file.name}” is not plain text (it holds binary data or is not UTF-8). Save it as .md or .txt and try again.`,
      };
    }
    return { ok: true, text: decoded, source: file.name.slice(0, 200) };
  }
  if (new TextEncoder().encode(text).length > MAX_ARTICLE_BYTES) {
    return { ok: false, field: 'text', error: 'The pasted article is over 1 MB. Split it or paste the part you need.' };
  }
  if (!text.trim()) return { ok: false, field: 'text', error: 'Paste an article or choose a .md or .txt file.' };
  if (text.includes('\u0000'))
    return { ok: false, field: 'text', error: 'The pasted text holds binary data. Paste the article as plain text.' };
  return { ok: true, text, source: null };
}

function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}
