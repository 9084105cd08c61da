import type { Page } from '@playwright/test';
import { expect, expectAccessible, QuizPage, SEED_CASE, test, uniqueEmail } from './fixtures';

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

/** Screenshots every page (for people to look at) and checks what a machine can check. */
async function inspect(page: Page, name: string) {
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways on ${label}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `screenshots/${label}-${name}.png`, fullPage: true });
  }
  await expectAccessible(page, name);
}

test.describe('every page on a phone and a desktop', () => {
  test('renders without sideways scrolling or serious accessibility violations', async ({ page, auth }) => {
    await page.goto('/');
    await inspect(page, 'home');
    await page.goto('/signup');
    await inspect(page, 'signup');
    await page.goto('/login');
    await inspect(page, 'login');

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
    await expect(page.getByRole('heading', { name: /You scored \d+ of \d+/ })).toBeVisible();
  });
});
