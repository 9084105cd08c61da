import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AuthPages, expect, inspect, QuizPage, SEED_CASE, test, uniqueEmail } from './fixtures';

test.describe('every page on a phone and a desktop', () => {
  test('renders without sideways scrolling or serious accessibility violations', async ({ page, auth }) => {
    await page.goto('/');
    await inspect(page, 'home');
    await page.goto('/signup');
    await inspect(page, 'signup');
    await page.goto('/login');
    await inspect(page, 'login');
    await page.goto('/forgot-password');
    await inspect(page, 'forgot-password');

    await auth.signUp({ name: 'Screen Shot', email: uniqueEmail('shots'), password: 'screenshot-password' });
    await expect(page).toHaveURL(/\/dashboard$/);
    await inspect(page, 'dashboard-empty');
    await page.goto('/cases');
    await inspect(page, 'library');
    await page.goto(`/cases/${SEED_CASE}`);
    await inspect(page, 'case-study');
    await page.goto(`/cases/${SEED_CASE}/lessons/how-alibaba-got-creative-and-doubled-down-on-ai`);
    await inspect(page, 'lesson');
    await page.getByRole('link', { name: 'Take the quiz' }).click();
    await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
    await inspect(page, 'quiz');
    const quiz = new QuizPage(page);
    await quiz.answerAll();
    await quiz.submit();
    await expect(page.getByRole('heading', { name: /You scored/ })).toBeVisible();
    await inspect(page, 'result');
    await page.goto('/dashboard');
    await inspect(page, 'dashboard');
    await page.goto('/cases/nothing-here');
    await inspect(page, 'not-found');
  });

  test('a quiz with ordering and matching questions, and its result, fit a phone', async ({ page, auth }) => {
    // An instructor's import whose "Building the Case" quiz has both kinds; long matching options
    // once made the page 707 px wide at 390.
    await auth.signUp({ name: 'Wide Quiz', email: uniqueEmail('wide-quiz'), password: 'wide-quiz-password', role: 'Instructor' });
    await expect(page).toHaveURL(/\/dashboard$/);
    const title = `Nordlys Ferries wide ${Date.now().toString(36)}`;
    await page.goto('/teach/cases/new');
    await page
      .getByLabel('Article text')
      .fill(readFileSync('test/fixtures/nordlys-ferries.md', 'utf8').replace(/^Nordlys Ferries: /m, `${title}: `));
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page).toHaveURL(/\/teach\/cases\/[0-9a-f-]{36}\?imported=1$/);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published', { exact: true })).toBeVisible();
    await page.goto('/cases');
    await page.getByRole('link', { name: new RegExp(`^${title}`) }).click();
    await page.getByRole('link', { name: 'Building the Case' }).click();
    await page.getByRole('link', { name: 'Take the quiz' }).click();
    await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
    await expect(page.getByRole('combobox').first()).toBeVisible();
    await inspect(page, 'quiz-matching');
    const quiz = new QuizPage(page);
    await quiz.answerAll();
    await quiz.submit();
    await expect(page.getByRole('heading', { name: /You scored/ })).toBeVisible();
    await inspect(page, 'result-matching');
  });

  test('a quiz can be taken with the keyboard alone', async ({ page, auth }) => {
    await auth.signUp({ name: 'Key Board', email: uniqueEmail('keys'), password: 'keyboard-password' });
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto(`/cases/${SEED_CASE}/lessons/what-was-the-big-crackdown-all-about/quiz`);
    const first = page.locator('fieldset').first();
    await first.locator('input').first().focus();
    await page.keyboard.press('Space');
    await expect(first.locator('input').first()).toBeChecked();
    await page.getByRole('button', { name: 'Submit answers' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /You scored [\d.]+ of \d+/ })).toBeVisible();
  });
});

test.describe('the administrator’s page on a phone and a desktop', () => {
  test(
    'renders without sideways scrolling or serious accessibility violations',
    { tag: '@postgres-only' },
    async ({ page, auth, browser }, testInfo) => {
      // An administrator is made with the command line, which needs a database the server does not
      // hold alone: the @postgres-only tag keeps this test out of the PGlite project.
      // An instructor's published import, so the list has a row to show.
      const teacherContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
      const teacher = await teacherContext.newPage();
      const teacherName = `Page Teacher ${Date.now().toString(36)}`;
      await new AuthPages(teacher).signUp({
        name: teacherName,
        email: uniqueEmail('admin-page-teacher'),
        password: 'admin-page-password',
        role: 'Instructor',
      });
      await expect(teacher).toHaveURL(/\/dashboard$/);
      await teacher.goto('/teach/cases/new');
      // Its own title and lessons, so that no other spec's "The Early Years" meets it in the shared library.
      const article = readFileSync('test/fixtures/nordlys-ferries.md', 'utf8').replace(
        /^Nordlys Ferries: /m,
        `Nordlys Ferries ${teacherName}: `,
      );
      await teacher.getByLabel('Article text').fill(article);
      await teacher.getByRole('button', { name: 'Preview' }).click();
      await teacher.getByRole('button', { name: 'Save draft' }).click();
      await expect(teacher).toHaveURL(/\/teach\/cases\/[0-9a-f-]{36}\?imported=1$/);
      await teacher.getByRole('button', { name: 'Publish' }).click();
      await teacher.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
      await expect(teacher.getByText('Published', { exact: true })).toBeVisible();
      await teacherContext.close();

      const email = uniqueEmail('admin-page');
      await auth.signUp({ name: 'Ada Admin', email, password: 'admin-page-password' });
      await expect(page).toHaveURL(/\/dashboard$/);
      const promoted = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/user-role.ts', email, 'admin'], { encoding: 'utf8' });
      expect(promoted.status, promoted.stderr).toBe(0);
      await auth.signIn(email, 'admin-page-password');
      await expect(page).toHaveURL(/\/dashboard$/);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Shared library' })).toBeVisible();
      const row = page.getByRole('listitem').filter({ hasText: `By ${teacherName}` });
      await row.getByRole('button', { name: 'Promote to shared library' }).click();
      await expect(row.getByRole('status')).toContainText('is in the shared library');
      await inspect(page, 'admin');
      // Out of the shared library again, so that the database is as the other specs expect it.
      await row.getByRole('button', { name: 'Remove from shared library' }).click();
      await expect(row.getByRole('status')).toContainText('left the shared library');
    },
  );
});
