import { hasControlCharacters } from '@/lib/validation/text';
import { MAX_GIFT_CHARS } from './import';

/** A GIFT question bank uploaded into a lesson: a .gift or .txt file, UTF-8 text, at most 1 MB. Pure. */
export const MAX_GIFT_BYTES = MAX_GIFT_CHARS;
const GIFT_FILE = /\.(?:gift|txt)$/i;

type GiftUpload = { ok: true; text: string; fileName: string } | { ok: false; error: string };

const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;

/** Refuses what cannot be a GIFT file with a message that says what to do instead. */
export function readGiftUpload(file: { name: string; size: number; bytes: Uint8Array } | null): GiftUpload {
  if (!file || file.size === 0) return { ok: false, error: 'Choose a .gift or .txt file.' };
  const name = file.name.replace(/[\u0000-\u001F\u007F]/g, '').slice(0, 200);
  if (file.size > MAX_GIFT_BYTES) return { ok: false, error: `“${name}” is ${kb(file.size)}; the limit is 1 MB. Split the question bank.` };
  if (!GIFT_FILE.test(name)) return { ok: false, error: `“${name}” is not a GIFT file. Upload a .gift or .txt file exported from Moodle.` };
  if (file.bytes.includes(0))
    return { ok: false, error: `“${name}” is not plain text (it holds binary data). Export the questions as GIFT and try again.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, '');
  } catch {
    return { ok: false, error: `“${name}” is not UTF-8 text. Save it as UTF-8 and try again.` };
  }
  // Control characters would be refused when the previewed file is sent back to be added.
  if (hasControlCharacters(text)) return { ok: false, error: `“${name}” holds invisible control characters. Remove them and try again.` };
  return { ok: true, text, fileName: name };
}
