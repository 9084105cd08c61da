import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '@/db';
import { storeCaseStudy, type StoreResult } from './store-article';

const CONTENT_DIR = path.join(process.cwd(), 'content');

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
