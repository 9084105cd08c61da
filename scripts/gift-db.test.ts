import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { runMigrations } from '@/db/migrate';
import { lessons, questions } from '@/db/schema';
import { storeCaseStudy } from '@/lib/dal/internal/store-article';

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** `--lesson` and `--case` against an embedded database in a folder of its own, as an operator would run them. */
describe('npm run gift with a database', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casewise-gift-'));
  const run = (...args: string[]) =>
    spawnSync(tsx, ['scripts/gift.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: dir } });
  let lessonId = '';

  /** The lesson's questions: prompt, whether the instructor's own, and the source they were given. */
  const lessonQuestions = async () => {
    const handle = await openDatabase({ dir });
    try {
      return await handle.db
        .select({ prompt: questions.prompt, authored: questions.authored, source: questions.source })
        .from(questions)
        .where(eq(questions.lessonId, lessonId))
        .orderBy(asc(questions.position));
    } finally {
      await handle.close();
    }
  };

  beforeAll(async () => {
    const handle = await openDatabase({ dir });
    try {
      await runMigrations(handle.db, handle.kind);
      const text = readFileSync('test/fixtures/harbor-coffee.md', 'utf8');
      const stored = await storeCaseStudy(handle.db, { text, slug: 'harbor-coffee', status: 'published' });
      if (!stored.ok) throw new Error(stored.error);
      const [first] = await handle.db
        .select({ id: lessons.id })
        .from(lessons)
        .where(eq(lessons.caseStudyId, stored.id))
        .orderBy(asc(lessons.position))
        .limit(1);
      lessonId = first!.id;
    } finally {
      await handle.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('import --lesson adds the questions as the instructor’s own and prints their ids; export --case prints them back', async () => {
    const before = await lessonQuestions();
    const dry = run('import', 'test/fixtures/bank.gift', '--lesson', lessonId, '--dry-run', '--json');
    expect(dry.status).toBe(0);
    expect(JSON.parse(dry.stdout).ids).toBeUndefined();
    expect(await lessonQuestions()).toEqual(before);

    const result = run('import', '--lesson', lessonId, 'test/fixtures/bank.gift', '--json');
    expect(result.stderr).toContain('added 8 questions to');
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.ids).toHaveLength(8);
    // The essay (line 28) is added as a written answer with the description before it as its intro; the
    // broken choice and the description before it are skipped.
    expect(doc.skipped.map((s: { line: number }) => s.line)).toEqual([30, 32]);
    const after = await lessonQuestions();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toHaveLength(8);
    expect(after.slice(before.length).every((q) => q.authored)).toBe(true);
    expect(after.at(-8)).toEqual({
      prompt: 'Where did Harbor Coffee open its first café?',
      authored: true,
      source: 'Imported from bank.gift, line 4.',
    });

    const exported = run('export', '--case', 'harbor-coffee');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^\$CATEGORY: Harbor Coffee/m);
    expect(exported.stdout).toContain('Where did Harbor Coffee open its first café? {~Seattle =Portland ~Beaverton ####');
    // What it prints reads back with nothing skipped, the imported questions among it.
    const back = JSON.parse(run('import', temp(exported.stdout), '--dry-run', '--json').stdout);
    expect(back.skipped).toEqual([]);
    // The essay's intro goes out as a description before it and comes back as one.
    const at = back.questions.findIndex((q: { type: string }) => q.type === 'description');
    expect(back.questions[at]).toMatchObject({ text: 'Read the founders’ letter of 2019 before you answer; it set out both views.' });
    expect(back.questions[at + 1]).toMatchObject({ type: 'open_response', prompt: expect.stringContaining('open in Seattle') });
    const prompts = back.questions.map((q: { prompt: string }) => q.prompt);
    for (const q of after) expect(prompts).toContain(q.prompt);
    const moodle = run('export', '--case', 'harbor-coffee', '--format', 'moodle');
    expect(moodle.status).toBe(0);
    expect(moodle.stdout).toContain('<text>Where did Harbor Coffee open its first café?</text>');
    // Five runs of the script, each opening the embedded database.
  }, 180_000);

  it.each([
    [
      'an unknown lesson',
      ['import', 'test/fixtures/bank.gift', '--lesson', '00000000-0000-4000-8000-000000000000'],
      'no lesson with the id',
    ],
    ['a malformed lesson id', ['import', 'test/fixtures/bank.gift', '--lesson', 'lesson-1'], 'no lesson with the id lesson-1'],
    ['malformed GIFT', ['import', 'BROKEN', '--lesson', 'LESSON'], 'broken.gift:3: '],
    ['an unknown case study', ['export', '--case', 'no-such-case'], 'no case study with the address no-such-case'],
  ])(
    'exits 1 with one line for %s, changing nothing',
    async (_, args, message) => {
      const before = await lessonQuestions();
      const argv = args.map((a) => (a === 'LESSON' ? lessonId : a === 'BROKEN' ? temp('Fine {T}\n\nBroken {=a ~b\n', 'broken.gift') : a));
      const result = run(...argv);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(message);
      expect(await lessonQuestions()).toEqual(before);
      // The script opens the embedded database: slow on a busy machine.
    },
    90_000,
  );
});

function temp(content: string, name = 'out.gift') {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gift-')), name);
  writeFileSync(file, content);
  return file;
}
