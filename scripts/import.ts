/**
 * npm run import -- <file> [--dry-run] [--json]
 * Parses an article, writes its quizzes and (without --dry-run) stores them; re-importing the same
 * file updates it in place. With --json, stdout carries exactly one JSON document; logs go to stderr.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ARTICLE_BYTES } from '@/lib/case-study/article-input';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { generateQuizzes } from '@/lib/quizgen/generate';
import { toImportJson } from '@/lib/quizgen/export';
import { loadEnv } from './env';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const dryRun = args.includes('--dry-run');
const json = args.includes('--json');

function fail(reason: string): never {
  console.error(`import: ${reason}`);
  process.exit(1);
}

if (!file) fail('usage: npm run import -- <file> [--dry-run] [--json]');
const info = await stat(file).catch(() => fail(`cannot read ${file}: no such file`));
if (!info.isFile()) fail(`cannot read ${file}: not a file`);
if (info.size > MAX_ARTICLE_BYTES) fail(`${file} is ${Math.round(info.size / 1024)} KB; the limit is 1 MB`);
const buffer = await readFile(file);
const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
if (buffer.includes(0)) fail(`${file} is not a text file`);

const parsed = parseCaseStudy(text);
if (!parsed.ok) fail(parsed.error);
const quiz = generateQuizzes(parsed.caseStudy);
const questionCount = quiz.lessons.reduce((n, l) => n + l.questions.length, 0);
console.error(
  `import: "${parsed.caseStudy.title}": ${quiz.lessons.length} lessons, ${questionCount} questions, ${quiz.rejected.length} rejected`,
);

if (!dryRun) {
  loadEnv(process.env.NODE_ENV !== 'production');
  const { startDatabase } = await import('@/lib/dal/internal/start-database');
  const { storeCaseStudy } = await import('@/lib/dal/internal/store-article');
  const handle = await startDatabase({ seed: false, log: (line) => console.error(`import: ${line}`) }).catch((error: unknown) =>
    fail(`could not open the database: ${error instanceof Error ? error.message : String(error)}`),
  );
  try {
    const slug = path
      .basename(file, path.extname(file))
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 60);
    const result = await storeCaseStudy(handle.db, { text, slug, source: path.basename(file), status: 'published' });
    if (!result.ok) fail(result.message ?? result.error);
    console.error(`import: ${result.changed ? 'stored' : 'unchanged'} as /cases/${result.slug} on ${handle.kind}`);
  } catch (error) {
    fail(`could not store: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await handle.close();
  }
}

if (json) process.stdout.write(`${JSON.stringify(toImportJson(parsed.caseStudy, quiz), null, 2)}\n`);
