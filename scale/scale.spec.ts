import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';

// Issue 12: two instances on one PostgreSQL behind nginx (scale/cluster.ts, started once by
// scale/global-setup.ts). Nothing that must be shared may live in one instance's memory.
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through npm run test:scale`);
  return value;
};
const balanced = env('SCALE_BALANCED');
const one = env('SCALE_ONE');
const two = env('SCALE_TWO');
const ARTICLE = 'test/fixtures/harbor-coffee.md';
const LESSON_TITLE = 'The Early Years';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}@example.test`;
const address = () => `10.${(counter >> 8) & 255}.${counter & 255}.${Math.floor(Math.random() * 250) + 1}`;

async function signUp(page: Page, base: string, user: { name: string; email: string; role?: 'Student' | 'Instructor' }) {
  await page.goto(`${base}/signup`);
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('scale-test-password');
  await page.getByRole('radio', { name: user.role ?? 'Student' }).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** A browser of its own, from an address of its own (the test plays the proxy in front of nginx). */
async function client(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address() } });
  return { context, page: await context.newPage() };
}

test('a class submitting through nginx: every acknowledged attempt is stored exactly once, and both instances served it', async () => {
  // The load script of the trust issue, through the balanced listener; it checks the database itself.
  const root = path.resolve(import.meta.dirname, '..');
  const run = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/bench/load.ts', '--url', balanced, '--students', '30'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: env('SCALE_DATABASE_URL') },
  });
  let out = '';
  run.stdout.on('data', (c: Buffer) => (out += c.toString()));
  run.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => run.once('exit', resolve));
  const report = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1)) as {
    check: { acknowledged: number; stored: number; lost: number; unacknowledgedButStored: number; doubled: number; missingAnswers: number };
  };
  expect(report.check).toEqual({ acknowledged: 30, stored: 30, lost: 0, unacknowledgedButStored: 0, doubled: 0, missingAnswers: 0 });
  expect(code, out).toBe(0);
  const upstreams = new Set(
    readFileSync(env('SCALE_ACCESS_LOG'), 'utf8')
      .split('\n')
      .filter((l) => / POST /.test(l))
      .map((l) => l.split(' ')[0]),
  );
  expect(upstreams.size).toBe(2);
});

test('a sign-out through one instance ends the session on the other, and a copied cookie is refused there', async ({ browser }) => {
  const { context, page } = await client(browser);
  await signUp(page, one, { name: 'Scale Student', email: unique('signout') });
  await page.goto(`${two}/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Hello, Scale Student/);
  const copied = await context.cookies();
  await page.goto(`${one}/dashboard`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  for (const base of [two, one, two]) {
    await stolen.goto(`${base}/dashboard`);
    await expect(stolen).toHaveURL(/\/login/);
  }
  await thief.close();
  await context.close();
});

test('the sign-in throttle counts failures made through both instances together', async ({ browser }) => {
  const email = unique('guessed');
  const owner = await client(browser);
  await signUp(owner.page, one, { name: 'Guessed Owner', email });
  await owner.context.close();
  const { context, page } = await client(browser);
  // Five failures per account and address are free. Five through each instance would pass unnoticed
  // if each instance counted alone; counted together, the sixth on starts a wait.
  for (let i = 0; i < 10; i++) {
    await page.goto(`${i % 2 ? two : one}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`wrong-guess-${i}`);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
  }
  for (const base of [one, two]) {
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('scale-test-password');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(/Too many failed sign-ins/);
    expect((await context.cookies()).filter((c) => /session-token/.test(c.name))).toEqual([]);
  }
  await context.close();
});

test("an instructor's edit through one instance is served by the other within a second", async ({ browser }) => {
  const { context, page } = await client(browser);
  await signUp(page, one, { name: 'Scale Teacher', email: unique('teacher'), role: 'Instructor' });
  await page.goto(`${one}/teach/cases/new`);
  await page.getByLabel('Article file').setInputFiles(ARTICLE);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { name: /^Preview: Harbor Coffee/ })).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/teach\/cases\/[0-9a-f-]{36}\?imported=1$/);
  // The review page offers the link at its top and again beside Publish at its end: the first will do.
  const caseHref = await page.getByRole('link', { name: 'Read it as a learner' }).first().getAttribute('href');
  expect(caseHref).toMatch(/^\/cases\//);

  // The other instance reads the lesson's quiz now, so whatever it keeps in memory holds the old wording.
  const other = await context.newPage();
  await other.goto(`${two}${caseHref}`);
  await other.getByRole('link', { name: LESSON_TITLE, exact: true }).click();
  await other.getByRole('link', { name: 'Take the quiz' }).click();
  await expect(other.getByRole('button', { name: 'Submit answers' })).toBeVisible();
  const quizUrl = other.url().replace(/^https?:\/\/[^/]+/, '');

  const lesson = page.getByRole('region', { name: `Lesson 1: ${LESSON_TITLE}` });
  const card = lesson
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /^Edit question \d+$/ }) })
    .first();
  await card.getByRole('link', { name: /^Edit question \d+$/ }).click();
  const prompt = page.getByLabel('Question', { exact: true });
  const edited = `${await prompt.inputValue()} (edited through instance one)`;
  await prompt.fill(edited);
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByRole('main').getByRole('status').first()).toContainText(/Question saved|Saved\. Worth a second look/);
  const saved = Date.now();

  // Within a second of the save, the other instance serves the new wording.
  let served = false;
  while (!served && Date.now() - saved < 1000) {
    const html = await (await other.request.get(`${two}${quizUrl}`, { headers: { 'x-forwarded-for': address() } })).text();
    served = html.includes(edited.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;'));
  }
  expect(served, 'instance two served the edit within a second').toBe(true);
  await context.close();
});
