import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMoodleXml, readQtiPackage, unzipText } from '@/test/support/exchange-readers';

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(tsx, ['scripts/gift.ts', ...args], { encoding: 'utf8' });
const temp = (name: string, content: string | Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gift-')), name);
  writeFileSync(file, content);
  return file;
};

describe('npm run gift', () => {
  it('import --dry-run --json prints one document: the questions with line and category, and what was skipped', () => {
    const result = run('import', 'test/fixtures/bank.gift', '--dry-run', '--json');
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.questions.map((q: { type: string; line: number }) => [q.type, q.line])).toEqual([
      ['single_choice', 4],
      ['multiple_choice', 11],
      ['true_false', 13],
      ['fill_blank', 15],
      ['numeric', 19],
      ['numeric', 21],
      ['matching', 23],
      ['description', 25],
      ['open_response', 28],
    ]);
    expect(doc.questions[0]).toMatchObject({
      prompt: 'Where did Harbor Coffee open its first café?',
      options: ['Seattle', 'Portland', 'Beaverton'],
      answer: 1,
      explanation: 'The first café opened in Portland in 2012.',
      category: 'Harbor Coffee/Early years',
      title: 'Founding city',
    });
    expect(doc.questions[5]).toMatchObject({
      answer: { value: 4.2, tolerance: expect.closeTo(0.2, 10) },
      category: 'Harbor Coffee/Results',
    });
    // A description is its own item just before the question it introduces.
    expect(doc.questions[7]).toEqual({
      type: 'description',
      line: 25,
      text: 'Read the founders’ letter of 2019 before you answer; it set out both views.',
    });
    // An essay is an open response with its prompt; without general feedback it has no model answer yet.
    expect(doc.questions[8]).toMatchObject({
      type: 'open_response',
      line: 28,
      prompt: 'Should Harbor Coffee open in Seattle? Argue with evidence from the case.',
      modelAnswer: '',
    });
    expect(doc.skipped).toEqual([
      { line: 30, reason: 'a description before the question on line 32, which is skipped' },
      { line: 32, reason: expect.stringContaining('exactly one right') },
    ]);
    expect(result.stderr).toContain('8 questions, 2 skipped');
  });

  it('malformed GIFT exits non-zero with the file, the first error line and the reason', () => {
    const file = temp('bad.gift', 'Fine {T}\n\nBroken {=a ~b\n\nLater {F}\n');
    const result = run('import', file, '--dry-run', '--json');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/bad\.gift:3: a “\{” is not closed/);
  });

  it('refuses binary files, missing files, and writing without a lesson', () => {
    expect(run('import', temp('x.gift', Buffer.from([0x51, 0, 0xff])), '--dry-run').stderr).toContain('not a text file');
    expect(run('import', 'test/fixtures/missing.gift', '--dry-run').stderr).toContain('no such file');
    const write = run('import', 'test/fixtures/bank.gift');
    expect(write.status).toBe(1);
    expect(write.stderr).toContain('--lesson <id>');
    expect(run('import', 'test/fixtures/bank.gift', '--lesson').stderr).toContain('--lesson needs a value');
  });

  it('export prints the generated quiz of an article as GIFT that imports back without a skip', () => {
    const result = run('export', 'test/fixtures/nordlys-ferries.md');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\$CATEGORY: Nordlys Ferries\\?: Electrifying a Fjord Route\/Building the Case$/m);
    const back = run('import', temp('out.gift', result.stdout), '--dry-run', '--json');
    expect(back.status).toBe(0);
    const doc = JSON.parse(back.stdout);
    expect(doc.skipped).toEqual([]);
    expect(doc.questions.length).toBeGreaterThan(0);
    expect(doc.questions.every((q: { type: string }) => q.type === 'matching')).toBe(true);
  });

  it('export --format moodle prints Moodle XML with every question of the article', () => {
    const gift = run('export', 'test/fixtures/harbor-coffee.md');
    const result = run('export', '--format', 'moodle', 'test/fixtures/harbor-coffee.md');
    expect(result.status).toBe(0);
    const read = readMoodleXml(result.stdout);
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBe(gift.stdout.match(/^::/gm)!.length);
  });

  it('export --format qti --out writes a QTI package; to a terminal it refuses, as it does an unknown format', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'qti-')), 'harbor.zip');
    const result = run('export', 'test/fixtures/harbor-coffee.md', '--format', 'qti', '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const pkg = readQtiPackage(unzipText(readFileSync(out)));
    const count = pkg.sections.reduce((n, s) => n + s.items.length, 0);
    expect(count).toBeGreaterThan(0);
    expect(result.stderr).toContain(`wrote ${count} questions`);

    // `script` gives the command a terminal for stdout, as a person typing it would have.
    const tty = spawnSync('script', ['-qec', `${tsx} scripts/gift.ts export test/fixtures/harbor-coffee.md --format qti`, '/dev/null'], {
      encoding: 'utf8',
    });
    expect(tty.status).toBe(1);
    expect(tty.stdout).toContain('give --out <file.zip>');
    expect(tty.stdout).not.toContain('PK');

    const unknown = run('export', 'test/fixtures/harbor-coffee.md', '--format', 'pdf', '--out', `${out}.pdf`);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('unknown format "pdf"');
    expect(existsSync(`${out}.pdf`)).toBe(false);
  });
});
