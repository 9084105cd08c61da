/**
 * npm run gift -- import <file.gift> --dry-run [--json]
 *   Reads a GIFT file (Moodle's question format) and prints the questions Casewise would take and
 *   what it skips, with line and reason. With --json, stdout carries exactly one JSON document.
 * npm run gift -- export <article.md|.txt> [--format gift|moodle|qti] [--out <file>]
 *   Prints the quiz generated from an article as GIFT (one $CATEGORY per lesson), Moodle XML (one
 *   category per lesson) or a QTI 3.0 package (a zip: --out or a redirected stdout), or writes it to --out.
 * Malformed input exits non-zero with the first error's line and reason. Writing to a lesson
 * (--lesson <id>) and exporting a stored case (--case <slug>) are not built yet.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_ARTICLE_BYTES } from '@/lib/case-study/article-input';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { importGift, MAX_GIFT_CHARS } from '@/lib/gift/import';
import { generateQuizzes } from '@/lib/quizgen/generate';
import { EXPORT_VALUED, exportTarget, writeCaseExport } from './exchange-out';

const USAGE =
  'usage: npm run gift -- import <file.gift> --dry-run [--json] | npm run gift -- export <article.md|.txt> [--format gift|moodle|qti] [--out <file>]';
const [command, ...rest] = process.argv.slice(2);
const file = rest.find((a, i) => !a.startsWith('--') && !EXPORT_VALUED.includes(rest[i - 1] ?? ''));

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

if (command === 'import') {
  for (const flag of ['--lesson', '--case'])
    if (rest.includes(flag)) fail(`${flag} is not available yet; run with --dry-run to see what would be imported`);
  if (!rest.includes('--dry-run')) fail('adding questions to a lesson is not available yet; run with --dry-run');
  const text = await readText(MAX_GIFT_CHARS);
  const result = importGift(text);
  if (!result.ok) fail(`${file}:${result.line}: ${result.reason}`);
  const { questions, skipped } = result;
  console.error(`gift: ${file}: ${questions.length} questions, ${skipped.length} skipped`);
  if (rest.includes('--json')) process.stdout.write(`${JSON.stringify({ questions, skipped }, null, 2)}\n`);
  else {
    for (const q of questions) process.stdout.write(`line ${q.line}: ${q.type}: ${q.prompt}\n`);
    for (const s of skipped) process.stdout.write(`line ${s.line}: skipped: ${s.reason}\n`);
  }
} else if (command === 'export') {
  if (rest.includes('--case')) fail('--case is not available yet; export an article file');
  const target = exportTarget(rest, fail);
  const text = await readText(MAX_ARTICLE_BYTES);
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) fail(parsed.error);
  const quiz = generateQuizzes(parsed.caseStudy);
  await writeCaseExport(target, parsed.caseStudy.title, quiz.lessons, fail);
} else fail(USAGE);
