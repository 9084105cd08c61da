import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
const run = (...args: string[]) =>
  spawnSync(tsx, ['scripts/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: 'memory://' } });

describe('npm run import', () => {
  it('prints exactly one JSON document with --json --dry-run, logs on stderr', () => {
    const result = run('content/alibaba-ai-comeback.txt', '--dry-run', '--json');
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.title).toBe('Alibaba’s Wild Ride: From Beijing’s Crackdown to Ruling the AI World');
    expect(doc.lessons).toHaveLength(7);
    expect(doc.lessons[0].keyPoints).toHaveLength(3);
    expect(doc.lessons[0].questions[0]).toEqual(
      expect.objectContaining({
        type: expect.any(String),
        prompt: expect.any(String),
        explanation: expect.any(String),
        source: expect.any(String),
      }),
    );
    expect(Array.isArray(doc.rejected)).toBe(true);
    expect(result.stderr).toContain('7 lessons');
    // Every question names its family and its Bloom level.
    for (const q of doc.lessons.flatMap((l: { questions: unknown[] }) => l.questions)) {
      expect(q).toEqual(
        expect.objectContaining({
          family: expect.stringMatching(/^[a-z_]+$/),
          level: expect.stringMatching(/^(?:remember|understand|apply|analyze)$/),
        }),
      );
    }
  });

  it('stores the article when not a dry run', () => {
    const result = run('test/fixtures/harbor-coffee.md');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('stored as /cases/harbor-coffee on pglite');
    expect(result.stdout).toBe('');
  });

  it.each([
    ['a missing file', ['no/such/file.md'], /cannot read no\/such\/file.md/],
    ['an article too short to teach from', ['TINY'], /too short to teach from/],
    ['a binary file', ['BINARY'], /not a text file/],
  ])('exits non-zero with a one-line reason for %s', (_, args, reason) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casewise-import-'));
    const tiny = path.join(dir, 'tiny.md');
    const binary = path.join(dir, 'image.txt');
    writeFileSync(tiny, '# Tiny\n\nToo short.');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const result = run(...args.map((a) => (a === 'TINY' ? tiny : a === 'BINARY' ? binary : a)), '--dry-run', '--json');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(reason);
  });
});
