import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '@/db';
import { storeCaseStudy, type StoreResult } from './store-article';

/** Stores every shipped case study in content/ as published. Safe to run any number of times. */
export async function seedContent(db: Database): Promise<{ file: string; result: StoreResult }[]> {
  // Paths spelled out from the project root, so the build traces content/ and nothing else.
  const files = (await readdir(path.join(process.cwd(), 'content'))).filter((f) => /\.(md|txt)$/i.test(f)).sort();
  const results = [];
  for (const file of files) {
    const text = await readFile(path.join(process.cwd(), 'content', path.basename(file)), 'utf8');
    const slug = path.basename(file, path.extname(file));
    results.push({ file, result: await storeCaseStudy(db, { text, slug, source: `content/${file}`, status: 'published' }) });
  }
  return results;
}
