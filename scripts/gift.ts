/**
 * npm run gift -- import <file.gift> [--lesson <id>] [--dry-run] [--json]
 *   Reads a GIFT file (Moodle's question format) and prints the questions Casewise would take and
 *   what it skips, with line and reason. With --lesson (and without --dry-run) it adds them to that
 *   lesson, all or nothing, as the review page's "Import questions" does. With --json, stdout
 *   carries exactly one JSON document.
 * npm run gift -- export <article.md|.txt | --case <slug>> [--format gift|moodle|qti] [--out <file>]
 *   Prints the quiz generated from an article, or a stored case study's questions in use, as GIFT
 *   (one $CATEGORY per lesson), Moodle XML (one category per lesson) or a QTI 3.0 package (a zip:
 *   --out or a redirected stdout), or writes it to --out.
 * Malformed input exits non-zero with the first error's line and reason. The database (--lesson,
 * --case) is DATABASE_URL's, or PGlite's folder (stop the dev server first), as for the other scripts.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ARTICLE_BYTES } from '@/lib/case-study/article-input';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { MAX_GIFT_CHARS } from '@/lib/gift/import';
import { planLessonImport } from '@/lib/gift/lesson-import';
import { generateQuizzes } from '@/lib/quizgen/generate';
import { loadEnv } from './env';
import { EXPORT_VALUED, exportTarget, writeCaseExport } from './exchange-out';

const USAGE =
  'usage: npm run gift -- import <file.gift> [--lesson <id>] [--dry-run] [--json] | npm run gift -- export <article.md|.txt | --case <slug>> [--format gift|moodle|qti] [--out <file>]';
const [command, ...rest] = process.argv.slice(2);
const VALUED = ['--lesson', '--case', ...EXPORT_VALUED];
const file = rest.find((a, i) => !a.startsWith('--') && !VALUED.includes(rest[i - 1] ?? ''));
/** A flag's value (the argument after it), or undefined when the flag is absent; a flag without one fails. */
function valueOf(flag: string): string | undefined {
  const i = rest.indexOf(flag);
  if (i < 0) return undefined;
  const value = rest[i + 1];
  if (!value || value.startsWith('--')) fail(`${flag} needs a value (${USAGE})`);
  return value;
}

function fail(reason: string): never {
  console.error(`gift: ${reason}`);
  process.exit(1);
}

async function readText(limit: number): Promise<string> {
  if (!file) fail(USAGE);
  const info = await stat(file).catch(() => fail(`cannot read ${file}: no such file`));
  if (!info.isFile()) fail(`cannot read ${file}: not a file`);
  if (info.size > limit) fail(`${file} is ${Math.round(info.size / 1024)} KB; the limit is ${Math.round(limit / 1024)} KB`);
  const buffer = await readFile(file);
  if (buffer.includes(0)) fail(`${file} is not a text file`);
  return new TextDecoder('utf-8', { fatal: false }).decode(buffer);
}

/** The app's database, opened as the other scripts open it (migrated, not seeded). */
async function openDatabase() {
  loadEnv(process.env.NODE_ENV !== 'production');
  const { startDatabase } = await import('@/lib/dal/internal/start-database');
  return startDatabase({ seed: false, log: () => {} }).catch((error: unknown) =>
    fail(`could not open the database: ${error instanceof Error ? error.message : String(error)}`),
  );
}

if (command === 'import') {
  const lessonId = valueOf('--lesson');
  const dryRun = rest.includes('--dry-run');
  if (rest.includes('--case')) fail('--case is for export; import into a lesson with --lesson <id>');
  if (!dryRun && !lessonId) fail('give --lesson <id> to add the questions to a lesson, or --dry-run to only read the file');
  const text = await readText(MAX_GIFT_CHARS);
  const result = planLessonImport(text);
  if (!result.ok) fail(`${file}:${result.line}: ${result.reason}`);
  const { questions, skipped } = result;
  let ids: string[] | undefined;
  if (lessonId) {
    const handle = await openDatabase();
    const { importGiftIntoLesson } = await import('@/lib/dal/internal/question-import');
    const stored = await importGiftIntoLesson(handle.db, {
      lessonId,
      owner: 'operator',
      text,
      fileName: path.basename(file!),
      commit: !dryRun,
    }).finally(() => handle.close());
    if (!stored.ok)
      fail(stored.error === 'not_found' ? `no lesson with the id ${lessonId} on ${handle.kind}` : (stored.message ?? stored.error));
    if (!dryRun) ids = stored.ids;
    console.error(`gift: ${dryRun ? 'would add' : 'added'} ${questions.length} questions to “${stored.lessonTitle}” on ${handle.kind}`);
  }
  console.error(`gift: ${file}: ${questions.length} questions, ${skipped.length} skipped`);
  // A description is its own item, just before the question it introduces (stored as that question's intro).
  const items = questions.flatMap(({ intro, introLine, ...q }) => [
    ...(intro ? [{ line: introLine ?? q.line, type: 'description' as const, text: intro }] : []),
    q,
  ]);
  if (rest.includes('--json')) process.stdout.write(`${JSON.stringify({ questions: items, skipped, ...(ids ? { ids } : {}) }, null, 2)}\n`);
  else {
    for (const q of items) process.stdout.write(`line ${q.line}: ${q.type}: ${'text' in q ? q.text : q.prompt}\n`);
    for (const s of skipped) process.stdout.write(`line ${s.line}: skipped: ${s.reason}\n`);
  }
} else if (command === 'export' && rest.includes('--case')) {
  const slug = valueOf('--case')!;
  const target = exportTarget(rest, fail);
  const handle = await openDatabase();
  const { readCaseForExportBySlug } = await import('@/lib/dal/internal/question-export');
  const stored = await readCaseForExportBySlug(handle.db, slug).finally(() => handle.close());
  if (!stored) fail(`no case study with the address ${slug} on ${handle.kind}`);
  await writeCaseExport(target, stored.title, stored.lessons, fail);
} else if (command === 'export') {
  const target = exportTarget(rest, fail);
  const text = await readText(MAX_ARTICLE_BYTES);
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) fail(parsed.error);
  const quiz = generateQuizzes(parsed.caseStudy);
  await writeCaseExport(target, parsed.caseStudy.title, quiz.lessons, fail);
} else fail(USAGE);
