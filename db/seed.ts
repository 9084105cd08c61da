import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database, DatabaseHandle } from './index';
import { runMigrations } from './migrate';
import { storeCaseStudy, type StoreResult } from './store-case-study';

export const CONTENT_DIR = path.join(process.cwd(), 'content');

/** Stores every shipped case study in content/ as published. Safe to run any number of times. */
export async function seedContent(db: Database, dir = CONTENT_DIR): Promise<{ file: string; result: StoreResult }[]> {
  const files = (await readdir(dir)).filter((f) => /\.(md|txt)$/i.test(f)).sort();
  const results = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const slug = path.basename(file, path.extname(file));
    results.push({ file, result: await storeCaseStudy(db, { text, slug, source: `content/${file}`, status: 'published' }) });
  }
  return results;
}

/** Opens nothing itself: migrates the given database, seeds it, and throws on the first bad file. */
export async function migrateAndSeed(handle: DatabaseHandle, log: (line: string) => void): Promise<void> {
  await runMigrations(handle.db, handle.kind);
  for (const { file, result } of await seedContent(handle.db)) {
    if (!result.ok) throw new Error(`${file}: ${result.error}`);
    log(`${file} ${result.changed ? 'imported' : 'up to date'} (${result.lessons} lessons, ${result.questions} questions) on ${handle.kind}`);
  }
}
