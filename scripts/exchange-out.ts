import { writeFile } from 'node:fs/promises';
import { caseToMoodleXml } from '@/lib/exchange/moodle-xml';
import { caseToQtiPackage } from '@/lib/exchange/qti';
import { caseToGift } from '@/lib/gift/export';
import type { EditableQuestion } from '@/lib/questions/editor';

/**
 * Where `npm run gift -- export` sends a case study: --format gift (the default), moodle (Moodle
 * XML) or qti (a QTI 3.0 zip), on stdout or into --out <file>. A zip never goes to a terminal.
 */

const FORMATS = ['gift', 'moodle', 'qti'] as const;
type Format = (typeof FORMATS)[number];
/** Flags of the export that take a value: the argument after them is not the article. */
export const EXPORT_VALUED = ['--format', '--out'];

interface Lesson {
  title: string;
  questions: readonly EditableQuestion[];
}

function valueAfter(args: readonly string[], flag: string, fail: (reason: string) => never): string | undefined {
  const i = args.indexOf(flag);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) fail(`${flag} needs a value`);
  return value;
}

/** Reads --format and --out, refusing an unknown format before any work is done. */
export function exportTarget(args: readonly string[], fail: (reason: string) => never): { format: Format; out?: string } {
  const format = valueAfter(args, '--format', fail) ?? 'gift';
  if (!(FORMATS as readonly string[]).includes(format)) fail(`unknown format "${format}": use ${FORMATS.join(', ')}`);
  const out = valueAfter(args, '--out', fail);
  if (format === 'qti' && !out && process.stdout.isTTY)
    fail('a QTI package is a zip file, not text for a terminal: give --out <file.zip> (or redirect stdout to a file)');
  return { format: format as Format, ...(out ? { out } : {}) };
}

/** Writes the case study in the chosen format; a file written is named on stderr with what it holds. */
export async function writeCaseExport(
  target: { format: Format; out?: string },
  title: string,
  lessons: readonly Lesson[],
  fail: (reason: string) => never,
): Promise<void> {
  const data =
    target.format === 'qti'
      ? caseToQtiPackage(title, lessons)
      : target.format === 'moodle'
        ? caseToMoodleXml(title, lessons)
        : caseToGift(title, lessons);
  if (!target.out) {
    process.stdout.write(data);
    return;
  }
  await writeFile(target.out, data).catch((error: NodeJS.ErrnoException) =>
    fail(`cannot write ${target.out}: ${error.code ?? error.message}`),
  );
  const questions = lessons.reduce((n, l) => n + l.questions.length, 0);
  const withQuestions = lessons.filter((l) => l.questions.length).length;
  console.error(`gift: wrote ${questions} questions from ${withQuestions} lessons to ${target.out} (${target.format})`);
}
