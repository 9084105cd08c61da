import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { AuthPages, expect, QuizPage, test, uniqueEmail } from './fixtures';

// Issue 10, played end to end: a student whose class shows answers only after the due date opens
// an instructor account, makes a class of their own with the same lesson and joins it.
const LESSON = 'What Was the Big Crackdown All About?';
const QUIZ = /\/cases\/[a-z0-9-]+\/lessons\/what-was-the-big-crackdown-all-about\/quiz/;
const password = 'shadow instructor password';

async function newUser(browser: Browser, name: string, role: 'Student' | 'Instructor') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthPages(page).signUp({ name, email: uniqueEmail(name.split(' ')[0]!.toLowerCase()), password, role });
  await expect(page).toHaveURL(/\/dashboard$/);
  return { page, quiz: new QuizPage(page), context };
}

/** Creates a class with the lesson assigned; returns its page address and join code. */
async function classWithLesson(page: Page, name: string, rules: { attempts: string; answers: string }) {
  await page.getByRole('link', { name: 'Classes' }).click();
  await page.getByLabel('Class name').fill(name);
  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByLabel('What to assign').selectOption({ label: LESSON });
  await page.getByLabel('Due date').fill('2098-06-30T23:59');
  await page.getByLabel('Attempts allowed').selectOption(rules.attempts);
  await page.getByLabel('Show answers').selectOption(rules.answers);
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('Lesson assigned');
  return { url: page.url(), code: await page.getByLabel('Join code').inputValue() };
}

async function join(page: Page, code: string) {
  await page.goto(`/join?code=${code}`);
  await page.getByRole('button', { name: 'Join class' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

/** Opens the quiz from the dashboard row of one class, answers and submits; returns the result's address. */
async function takeFor(student: { page: Page; quiz: QuizPage }, className: string, pick: 'first' | 'last') {
  await student.page.goto('/dashboard');
  const row = student.page.getByRole('region', { name: 'Assigned to you' }).getByRole('listitem').filter({ hasText: className });
  await row.getByRole('link', { name: LESSON }).click();
  await expect(student.page).toHaveURL(/\?assignment=[0-9a-f-]{36}$/);
  await expect(student.page.getByText(`This attempt counts for ${className}`)).toBeVisible();
  await student.quiz.answerAll(pick);
  await student.quiz.submit();
  await expect(student.page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
  return student.page.url();
}

test('the shadow-instructor trick reveals no answer of the real class before its due date', async ({ browser }) => {
  test.setTimeout(180_000);
  // The real class: one attempt, answers after the due date.
  const teacher = await newUser(browser, 'Tara Teacher', 'Instructor');
  const real = await classWithLesson(teacher.page, 'Real class', { attempts: '1', answers: 'After the due date' });
  const sam = await newUser(browser, 'Sam Student', 'Student');
  await join(sam.page, real.code);
  const realAttempt = await takeFor(sam, 'Real class', 'last');
  await expect(sam.page.getByRole('note')).toContainText('shows the right answers after the due date');
  const realScore = /You scored ([\d.]+) of (\d+)/.exec((await sam.page.getByRole('heading', { level: 1 }).textContent()) ?? '')!;
  const realPercent = `${Math.round((Number(realScore[1]) / Number(realScore[2])) * 100)}%`;

  // What the real teacher sees in that attempt: explanations Sam must not see before the due date.
  await teacher.page.goto(real.url);
  const book = teacher.page.getByRole('region', { name: 'Gradebook table' });
  await book
    .getByRole('row', { name: /Sam Student/ })
    .getByRole('link', { name: realPercent })
    .click();
  await expect(teacher.page).toHaveURL(realAttempt);
  const explanations = (await teacher.page.getByText('Why:').locator('..').allTextContents()).map((t) => t.replace(/^Why: /, '').trim());
  expect(explanations.length).toBeGreaterThan(0);

  // Sam signs up again as an instructor, assigns the same lesson (unlimited, answers at once) and joins.
  const shadow = await newUser(browser, 'Sam Shadow', 'Instructor');
  const second = await classWithLesson(shadow.page, 'Shadow class', { attempts: 'Unlimited', answers: 'After each attempt' });
  await join(sam.page, second.code);
  const shadowAttempts = [await takeFor(sam, 'Shadow class', 'first'), await takeFor(sam, 'Shadow class', 'first')];
  // Practice from the lesson page counts for no class.
  await sam.page.goto(realAttempt);
  await sam.page.getByRole('link', { name: 'Reread the lesson' }).click();
  await sam.page.getByRole('link', { name: 'Take the quiz' }).click();
  await expect(sam.page).toHaveURL(new RegExp(`${QUIZ.source}$`));
  await expect(sam.page.getByText('This is practice')).toBeVisible();
  await sam.quiz.answerAll('first');
  await sam.quiz.submit();
  await expect(sam.page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
  const practice = sam.page.url();

  // None of Sam's own attempt pages shows a right answer or an explanation (HTML and RSC payload).
  for (const url of [realAttempt, ...shadowAttempts, practice]) {
    await sam.page.goto(url);
    await expect(sam.page.getByRole('note')).toContainText('shows the right answers after the due date');
    await expect(sam.page.getByText('Right answer', { exact: true })).toHaveCount(0);
    await expect(sam.page.getByText('Why:')).toHaveCount(0);
    const html = await (await sam.page.request.get(url)).text();
    for (const explanation of explanations) expect(html).not.toContain(explanation);
  }

  // The shadow instructor cannot open the real class's attempt; their analysis holds only their class's attempts.
  expect((await shadow.page.request.get(realAttempt)).status()).toBe(404);
  expect((await shadow.page.request.get(practice)).status()).toBe(404);
  await shadow.page.goto(second.url);
  await shadow.page
    .getByRole('region', { name: 'Gradebook table' })
    .getByRole('link', { name: `Item analysis of ${LESSON}` })
    .click();
  await expect(shadow.page.getByRole('heading', { level: 1, name: 'Item analysis' })).toBeVisible();
  for (const scope of ['', 'all']) {
    await shadow.page.goto(`${shadow.page.url().replace(/&attempts=.*$/, '')}${scope ? `&attempts=${scope}` : ''}`);
    const attempts = shadow.page.locator('dt', { hasText: /^Attempts$/ }).locator('xpath=following-sibling::dd[1]');
    await expect(attempts).toHaveText(scope === 'all' ? '2' : '1');
  }
  await shadow.page.goto(second.url);
  await expect(shadow.page.getByRole('region', { name: 'Gradebook table' }).getByRole('row', { name: /Sam Student/ })).toContainText(
    '2 attempts',
  );

  // The real class keeps its limit and its score: one attempt, the one made for it.
  await teacher.page.goto(real.url);
  const samRow = teacher.page.getByRole('region', { name: 'Gradebook table' }).getByRole('row', { name: /Sam Student/ });
  await expect(samRow).toContainText(`${realPercent} · 1 attempt`);
  await sam.page.goto('/dashboard');
  await sam.page
    .getByRole('region', { name: 'Assigned to you' })
    .getByRole('listitem')
    .filter({ hasText: 'Real class' })
    .getByRole('link')
    .click();
  await expect(sam.page.getByText('You have used the one attempt your class allows')).toBeVisible();
  await expect(sam.page.getByRole('button', { name: 'Submit answers' })).toHaveCount(0);

  // A forged assignment id: a clear message on start, and on submit nothing is stored.
  const quizUrl = sam.page.url().replace(/\?.*$/, '');
  await sam.page.goto(`${quizUrl}?assignment=${randomUUID()}`);
  await expect(sam.page.getByRole('main').getByRole('alert')).toContainText('This quiz is not assigned to you under that link');
  await expect(sam.page.getByRole('button', { name: 'Submit answers' })).toHaveCount(0);
  await sam.page.goto(quizUrl);
  await sam.page.locator('input[name=assignmentId]').evaluate((el, id) => ((el as HTMLInputElement).value = id), randomUUID());
  await sam.quiz.answerAll('first');
  await sam.quiz.submit();
  await expect(sam.page.getByRole('main').getByRole('alert')).toContainText('not assigned to you');
  await expect(sam.page).toHaveURL(new RegExp(`${QUIZ.source}$`));
  await sam.page.goto('/dashboard');
  await expect(sam.page.getByRole('region', { name: 'Recent quizzes' }).getByRole('listitem')).toHaveCount(4);

  for (const s of [teacher, sam, shadow]) await s.context.close();
});
