import type { Page } from '@playwright/test';
import { AuthPages, expect, expectAccessible, sidewaysOverflow, test, uniqueEmail } from './fixtures';

const ARTICLE = 'test/fixtures/harbor-coffee.md';
const LESSON_TITLE = 'The Early Years';
const PROMPT = 'Why did Harbor Coffee start in one city before growing? Argue from the case.';
const MODEL = 'It proved the café model in Portland first, then used that proof to fund its growth.';
const DRAFT = 'They wanted to prove the model in one place first,\nthen grow with what they learned.';
const password = 'written answers password 1';

test.describe('written answers graded with a rubric', () => {
  test('an instructor writes an open-response question, a student answers it (autosaved), the instructor grades it and the student sees the grade; the CSV carries it', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(240_000);
    const shoot = async (page: Page, name: string) => {
      if (testInfo.project.name !== 'pglite') return;
      await page.mouse.move(0, 0);
      for (const [w, h, tag] of [
        [390, 844, 'phone'],
        [1280, 900, 'desktop'],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await expect.poll(() => sidewaysOverflow(page), { message: `${name} at ${w}px scrolls sideways` }).toEqual([]);
        await page.screenshot({ path: `screenshots/${name}-${tag}.png`, fullPage: true });
      }
      await expectAccessible(page, name);
    };
    const newUser = async (name: string, role: 'Student' | 'Instructor') => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await new AuthPages(page).signUp({ name, email: uniqueEmail(name.split(' ')[0]!.toLowerCase()), password, role });
      await expect(page).toHaveURL(/\/dashboard$/);
      return { page, context };
    };

    // The instructor imports the article as a draft.
    const teacher = await newUser('Wren Teacher', 'Instructor');
    const t = teacher.page;
    await t.goto('/teach/cases/new');
    await t.getByLabel('Article file').setInputFiles(ARTICLE);
    await t.getByRole('button', { name: 'Save draft' }).click();
    await expect(t).toHaveURL(/\/teach\/cases\/[0-9a-f-]{36}\?imported=1$/);

    // An open-response question: every problem of an empty form is listed at once.
    await t.getByRole('link', { name: `Add a question to ${LESSON_TITLE}` }).click();
    await t.getByLabel('Question type').selectOption({ label: 'Open response' });
    await t.getByLabel('Criterion 1', { exact: true }).fill('Names where it started');
    await t.getByRole('button', { name: 'Save question' }).click();
    const problems = t.getByRole('main').getByRole('alert');
    await expect(problems).toContainText('This question has 3 problems');
    await expect(problems).toContainText('The question cannot be empty');
    await expect(problems).toContainText('Write a model answer');
    await expect(problems).toContainText('Criterion 1 needs a whole number of points');
    await t.getByLabel('Question', { exact: true }).fill(PROMPT);
    await t.getByLabel('Model answer').fill(MODEL);
    await t.getByLabel('Points for criterion 1').fill('2');
    await t.getByLabel('Criterion 2', { exact: true }).fill('Explains why proving it first mattered');
    await t.getByLabel('Points for criterion 2').fill('3');
    await shoot(t, 'open-response-editor');
    await t.getByRole('button', { name: 'Save question' }).click();
    await expect(t.getByRole('main').getByRole('status').first()).toContainText('Question saved');
    const card = t.getByRole('listitem').filter({ hasText: PROMPT });
    await expect(card).toContainText('Open response');
    await expect(card).toContainText('Explains why proving it first mattered');

    // The review page: filter by kind, collapse a lesson, jump to it, and publish at the end.
    const writtenNumber = (await card.getByText(/^Question \d+$/).textContent())!.replace('Question ', '');
    await t.getByLabel('Kind').selectOption({ label: 'Open response' });
    await t.getByRole('button', { name: 'Filter' }).click();
    await expect(t).toHaveURL(/kind=open_response/);
    await expect(t.getByRole('status').filter({ hasText: /Showing 1 of \d+ questions/ })).toBeVisible();
    await expect(t.getByRole('main').getByRole('heading', { level: 3 })).toHaveText([PROMPT]);
    await shoot(t, 'review-filters');
    const lessonRegion = t.getByRole('region', { name: `Lesson 1: ${LESSON_TITLE}` });
    await lessonRegion.locator('summary').click();
    await expect(lessonRegion.getByRole('heading', { level: 3 })).toBeHidden();
    await lessonRegion.locator('summary').click();
    await expect(lessonRegion.getByRole('heading', { level: 3 })).toBeVisible();
    await t.getByRole('link', { name: 'Clear the filters' }).click();
    await expect(t.getByRole('status').filter({ hasText: /Showing (\d+) of \1 questions/ })).toBeVisible();
    await t
      .getByRole('navigation', { name: 'Lessons' })
      .getByRole('link', { name: `Lesson 1: ${LESSON_TITLE}` })
      .click();
    await expect(t).toHaveURL(/#lesson-/);
    await t.getByRole('link', { name: 'Review, then publish at the end' }).click();
    await t.getByRole('region', { name: 'Publish' }).getByRole('button', { name: 'Publish' }).click();
    await t
      .getByRole('dialog', { name: /^Publish/ })
      .getByRole('button', { name: 'Publish' })
      .click();
    await expect(t.getByText('Published', { exact: true })).toBeVisible();

    // A class with the lesson assigned; the student joins.
    await t.goto('/teach/classes');
    await t.getByLabel('Class name').fill('Case Writing');
    await t.getByRole('button', { name: 'Create class' }).click();
    await expect(t.getByRole('heading', { level: 1, name: 'Case Writing' })).toBeVisible();
    const classUrl = t.url();
    const code = await t.getByLabel('Join code').inputValue();
    await t.getByLabel('What to assign').selectOption({ label: LESSON_TITLE });
    await t.getByLabel('Due date and time').fill('2031-06-30T17:00');
    await t.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(t.getByRole('main').getByRole('status').filter({ hasText: 'Lesson assigned' })).toBeVisible();

    const ann = await newUser('Ann Writer', 'Student');
    const a = ann.page;
    await a.goto(`/join?code=${code}`);
    await a.getByRole('button', { name: 'Join class' }).click();
    await expect(a).toHaveURL(/\/dashboard/);
    await a.getByRole('link', { name: LESSON_TITLE }).first().click();
    await expect(a).toHaveURL(/\/quiz\?assignment=/);
    // Nothing of the rubric or the model answer reaches the quiz page.
    expect(await a.content()).not.toContain(MODEL);
    expect(await a.content()).not.toContain('Explains why proving it first mattered');

    // The written answer is saved as it is typed and comes back after a reload.
    const box = a.getByRole('textbox', { name: PROMPT });
    await box.fill(DRAFT);
    await expect(a.getByRole('status').filter({ hasText: /Draft saved at/ })).toBeVisible();
    await shoot(a, 'quiz-written-answer');
    await a.reload();
    await expect(a.getByRole('textbox', { name: PROMPT })).toHaveValue(DRAFT);
    await expect(a.getByText('Restored from your saved draft.')).toBeVisible();
    await a.getByRole('button', { name: 'Submit answers' }).click();
    await expect(a).toHaveURL(/\/attempts\//);
    await expect(a.getByRole('heading', { level: 1 })).toContainText(/You scored 0 of \d+ so far/);
    await expect(a.getByRole('note').filter({ hasText: 'Waiting for grading' })).toBeVisible();
    await expect(a.getByText(MODEL)).toHaveCount(0);
    const attemptUrl = a.url();

    // The instructor finds it waiting, in the class page and the gradebook, and grades it.
    await t.goto(classUrl);
    await expect(t.getByRole('region', { name: 'Gradebook table' }).getByRole('row', { name: /Ann Writer/ })).toContainText(
      'waiting for grading',
    );
    await expect(t.getByRole('link', { name: `Grade Ann Writer: ${LESSON_TITLE}` })).toBeVisible();
    // The teaching home lists it under its class, with a link to the grading screen.
    await t.goto('/teach');
    const classCard = t.getByRole('listitem').filter({ has: t.getByRole('heading', { level: 2, name: 'Case Writing' }) });
    await expect(classCard.getByRole('definition').nth(1)).toHaveText('1');
    await shoot(t, 'teach-home-waiting');
    await classCard.getByRole('link', { name: `Grade Ann Writer: ${LESSON_TITLE}` }).click();
    await expect(t).toHaveURL(attemptUrl);
    await expect(t.getByText(MODEL)).toBeVisible();
    const grading = t.getByRole('group', { name: /^Grade question \d+$/ });
    // A forged mark above the criterion's maximum is refused, and nothing is saved.
    await grading.getByLabel(/^Names where it started/).fill('5');
    await grading.getByLabel(/^Explains why proving it first mattered/).fill('1');
    await t.getByRole('button', { name: 'Save grade' }).click();
    await expect(t.getByRole('main').getByRole('alert')).toContainText('must be a whole number from 0 to 2');
    await t.reload();
    await expect(t.getByRole('note').filter({ hasText: 'Waiting for grading' })).toBeVisible();
    await grading.getByLabel(/^Names where it started/).fill('2');
    await grading.getByLabel(/^Explains why proving it first mattered/).fill('1');
    await t.getByLabel('Comment to the learner').fill('Good start; say why proving it first lowered the risk.');
    await shoot(t, 'grading');
    await t.getByRole('button', { name: 'Save grade' }).click();
    await expect(t.getByRole('main').getByRole('status').first()).toContainText('Graded');
    await t.goto('/teach');
    await expect(classCard.getByRole('definition').nth(1)).toHaveText('0');
    await expect(classCard.getByRole('link', { name: /^Grade / })).toHaveCount(0);

    // The student sees the grade per criterion, the comment and the model answer.
    await a.reload();
    await expect(a.getByRole('heading', { level: 1 })).not.toContainText('so far');
    await expect(a.getByText('3 of 5 points')).toBeVisible();
    await expect(a.getByText('Good start; say why proving it first lowered the risk.')).toBeVisible();
    await expect(a.getByText(MODEL)).toBeVisible();
    await expect(a.getByRole('row', { name: /Names where it started/ })).toContainText('2 / 2');
    await shoot(a, 'written-result');
    const heading = (await a.getByRole('heading', { level: 1 }).textContent())!;
    const [, got, max] = /You scored ([\d.]+) of (\d+)/.exec(heading)!;

    // Item analysis numbers the written question as the review page does, and takes its facility from the awarded share.
    await t.goto(classUrl);
    await t.getByRole('link', { name: `Item analysis of ${LESSON_TITLE}` }).click();
    const statsRow = t.getByRole('region', { name: 'Question statistics' }).getByRole('row').filter({ hasText: PROMPT });
    await expect(statsRow.getByRole('rowheader')).toHaveText(`Q${writtenNumber}`);
    await expect(statsRow.getByRole('cell').nth(1)).toHaveText('60%');

    // The CSV carries the graded score, and nothing waits any more.
    const csv = await (await t.request.get(`${classUrl}/gradebook.csv`)).text();
    const rows = csv.split('\r\n').map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
    const header = rows[0]!;
    const annRow = rows.find((r) => r[0] === 'Ann Writer')!;
    expect(Number(annRow[header.indexOf(`${LESSON_TITLE} (%)`)])).toBeCloseTo((Number(got) / Number(max)) * 100, 0);
    // The written question is one mark; 3 of its 5 rubric points give 0.6 of it (the rest was left blank).
    expect(Number(got)).toBeCloseTo(0.6);
    expect(annRow[header.indexOf(`${LESSON_TITLE} waiting for grading`)]).toBe('no');

    // Another instructor cannot open the grading screen.
    const rival = await newUser('Rex Rival', 'Instructor');
    expect((await rival.page.request.get(attemptUrl)).status()).toBe(404);
    for (const c of [teacher, ann, rival]) await c.context.close();
  });
});
