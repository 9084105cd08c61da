import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from '@playwright/test';
import { AuthPages, expect, expectAccessible, QuizPage, sidewaysOverflow, test, uniqueEmail } from './fixtures';

const password = 'teaching home password';
const ZONE = 'America/New_York';
const LESSON = 'The Early Years';

/**
 * Issue 14, the teaching half: an instructor in New York (the browser's time zone) lands on the
 * teaching home, assigns a lesson with a due date and time, edits it and sees the same local time
 * back, gives one student an extra attempt that the server honours, removes an assignment after
 * confirming, and unpublishes and archives the case study while its attempts stay in the gradebook.
 */
test('an instructor changes assignments in their own time zone, extends one student, and retires a case study without losing attempts', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
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
  const person = async (name: string, role: 'Student' | 'Instructor', options: BrowserContextOptions = {}) => {
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, ...options });
    const page = await context.newPage();
    const email = uniqueEmail(name.split(' ')[0]!.toLowerCase());
    await new AuthPages(page).signUp({ name, email, password, role });
    await expect(page).toHaveURL(/\/dashboard$/);
    return { page, context, email, quiz: new QuizPage(page) };
  };

  // The instructor signs in again and lands on the teaching home.
  const teacher = await person('Tia Teacher', 'Instructor', { timezoneId: ZONE });
  const t = teacher.page;
  await new AuthPages(t).signOut();
  await new AuthPages(t).signIn(teacher.email, password);
  await expect(t).toHaveURL(/\/teach$/);
  await expect(t.getByRole('heading', { level: 1, name: 'Teaching' })).toBeVisible();
  await expect(t.getByText('No classes yet.')).toBeVisible();

  // A case study of their own (its own title, so a reused database never mixes two), published after confirming.
  const title = `Harbor Coffee teaching ${Date.now().toString(36)}`;
  await t.goto('/teach/cases/new');
  await t.getByLabel('Article text').fill(readFileSync('test/fixtures/harbor-coffee.md', 'utf8').replace(/^# .*$/m, `# ${title}`));
  await t.getByRole('button', { name: 'Preview' }).click();
  await t.getByRole('button', { name: 'Save draft' }).click();
  await expect(t).toHaveURL(/\/teach\/cases\/[0-9a-f-]{36}\?imported=1$/);
  const reviewUrl = t.url().replace(/\?.*$/, '');
  await t.getByRole('button', { name: 'Publish' }).click();
  const publish = t.getByRole('dialog', { name: `Publish “${title}”?` });
  await expect(publish).toBeVisible();
  await shoot(t, 'dialog-publish');
  await publish.getByRole('button', { name: 'Publish' }).click();
  await expect(t.getByText('Published', { exact: true })).toBeVisible();

  // A class; its invite is a full link with a copy button, and the code beside it.
  await t.goto('/teach/classes');
  await t.getByLabel('Class name').fill('Operations 201');
  await t.getByRole('button', { name: 'Create class' }).click();
  await expect(t.getByRole('heading', { level: 1, name: 'Operations 201' })).toBeVisible();
  const classUrl = t.url();
  const code = await t.getByLabel('Join code').inputValue();
  const invite = t.getByLabel('Invite link');
  await expect(invite).toHaveValue(`${testInfo.project.use.baseURL}/join?code=${code}`);
  await expect(invite).toHaveAttribute('readonly', '');
  await teacher.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await t.getByRole('button', { name: 'Copy invite link' }).click();
  await expect(t.getByText('Invite link copied.')).toBeVisible();
  const link = await invite.inputValue();

  // Two students join through the link (their browsers are in UTC).
  const ann = await person('Ann Able', 'Student');
  const ben = await person('Ben Baker', 'Student');
  for (const s of [ann, ben]) {
    await s.page.goto(link);
    await s.page.getByRole('button', { name: 'Join class' }).click();
    await expect(s.page).toHaveURL(/\/dashboard/);
  }

  // Assign the lesson, due 14 March 2031 at 17:30 New York time, one attempt.
  await t.goto(classUrl);
  const lessonOption = t.locator(`optgroup[label="${title}"] option`, { hasText: LESSON });
  const target = (await lessonOption.getAttribute('value'))!;
  const assign = async (due: string, value = target) => {
    await t.getByLabel('What to assign').selectOption(value);
    // The field speaks the browser's zone once the page runs: wait for it before typing.
    await expect(t.getByText('Your time zone: America/New York.').first()).toBeVisible();
    await t.getByLabel('Due date and time').fill(due);
    await t.getByLabel('Attempts allowed').selectOption('1');
    await t.getByRole('button', { name: 'Assign', exact: true }).click();
  };
  await assign('2031-03-14T17:30');
  await expect(t.getByRole('main').getByRole('status').filter({ hasText: 'Lesson assigned' })).toBeVisible();
  const item = t.getByRole('listitem').filter({ has: t.getByRole('heading', { name: LESSON }) });
  await expect(item).toContainText('14 Mar 2031, 17:30');

  // Assigning it again opens the existing assignment instead of replacing it, with the same local time.
  await assign('2031-12-31T23:59');
  await expect(t).toHaveURL(/\/assignments\/[0-9a-f-]{36}\?existing=1$/);
  await expect(t.getByText('Operations 201 already has this lesson')).toBeVisible();
  await expect(t.getByText('Your time zone: America/New York.').first()).toBeVisible();
  await expect(t.getByLabel('Due date and time')).toHaveValue('2031-03-14T17:30');
  await expect(t.getByLabel('Attempts allowed')).toHaveValue('1');
  const editUrl = t.url().replace(/\?.*$/, '');

  // Edit: a new date and time, read back as typed.
  await t.getByLabel('Due date and time').fill('2031-03-20T09:15');
  await t.getByRole('button', { name: 'Save changes' }).click();
  await expect(t).toHaveURL(/\/teach\/classes\/[0-9a-f-]{36}\?updated=/);
  await expect(item).toContainText('20 Mar 2031, 09:15');
  await t.goto(editUrl);
  await expect(t.getByText('Your time zone: America/New York.').first()).toBeVisible();
  await expect(t.getByLabel('Due date and time')).toHaveValue('2031-03-20T09:15');
  // Stored in UTC: a student in UTC sees 13:15 (New York is on daylight time by then).
  await ann.page.goto('/dashboard');
  await expect(ann.page.getByRole('region', { name: 'Assigned to you' }).getByRole('listitem').filter({ hasText: LESSON })).toContainText(
    '20 Mar 2031, 13:15 UTC',
  );

  // An extension for Ann alone: one extra attempt.
  await t.getByLabel('Student', { exact: true }).selectOption({ label: 'Ann Able' });
  await t.getByLabel('Extra attempts').selectOption('1');
  await t.getByRole('button', { name: 'Give extension' }).click();
  await expect(t.getByRole('main').getByRole('status').filter({ hasText: 'Extension saved' })).toBeVisible();
  await expect(t.getByRole('listitem').filter({ hasText: 'Ann Able' })).toContainText('1 extra attempt');
  await shoot(t, 'assignment-edit');

  // The server honours it: Ann submits twice, Ben once, and then neither may again.
  const take = async (s: typeof ann) => {
    await s.page.goto('/dashboard');
    await s.page.getByRole('link', { name: LESSON }).first().click();
    // The quiz must be on the page before its questions are answered.
    await expect(s.page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
    await s.quiz.answerAll('first');
    await s.quiz.submit();
    await expect(s.page).toHaveURL(/\/attempts\//);
  };
  await take(ann);
  await take(ann);
  await take(ben);
  for (const s of [ann, ben]) {
    await s.page.goto('/dashboard');
    await s.page.getByRole('link', { name: LESSON }).first().click();
    await expect(s.page.getByRole('button', { name: 'Submit answers' })).toHaveCount(0);
  }

  // The gradebook: Ann's two attempts and her extension, an average row, sorting, her own page.
  await t.goto(classUrl);
  const book = t.getByRole('region', { name: 'Gradebook table' });
  await expect(book.getByRole('row', { name: /Ann Able/ })).toContainText('2 attempts');
  await expect(book.getByRole('row', { name: /Ann Able/ })).toContainText('extension');
  await expect(book.getByRole('row', { name: /Ben Baker/ })).toContainText('1 attempt');
  await expect(book.getByRole('row', { name: /Class average/ })).toContainText('over 2 students');
  await t.getByRole('link', { name: 'Sort by score' }).click();
  await expect(t.getByRole('link', { name: 'Sort by score' })).toHaveAttribute('aria-current', 'true');
  await shoot(t, 'class-page');
  await book.getByRole('link', { name: 'Ann Able' }).click();
  await expect(t.getByRole('heading', { level: 1, name: 'Ann Able' })).toBeVisible();
  await expect(t.getByRole('link', { name: /^Attempt \d:/ })).toHaveCount(2);
  await shoot(t, 'student-record');
  await t.getByRole('link', { name: /^Attempt 1:/ }).click();
  await expect(t.getByRole('heading', { level: 1, name: /Ann Able scored/ })).toBeVisible();
  await expect(t.getByRole('link', { name: /Retake/ })).toHaveCount(0);
  await t.getByRole('link', { name: 'Back to the gradebook' }).click();
  await expect(t.getByRole('heading', { level: 1, name: 'Ann Able' })).toBeVisible();

  // Another lesson assigned, then removed: Cancel keeps it, confirming removes it.
  await t.goto(classUrl);
  const otherTitle = 'The Wholesale Decision';
  const other = t.locator(`optgroup[label="${title}"] option`, { hasText: otherTitle });
  await assign('2031-04-01T08:00', (await other.getAttribute('value'))!);
  const otherItem = t.getByRole('listitem').filter({ has: t.getByRole('heading', { name: otherTitle, exact: true }) });
  await expect(otherItem).toBeVisible();
  await otherItem.getByRole('button', { name: /^Remove assignment/ }).click();
  const removeDialog = t.getByRole('dialog', { name: `Remove “${otherTitle}” from Operations 201?` });
  await expect(removeDialog).toBeVisible();
  await expect(removeDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shoot(t, 'dialog-remove-assignment');
  await removeDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(removeDialog).toBeHidden();
  await expect(otherItem).toBeVisible();
  await otherItem.getByRole('button', { name: /^Remove assignment/ }).click();
  await removeDialog.getByRole('button', { name: 'Remove assignment' }).click();
  // The item goes; the message stays in the assignment list's status region, which takes the focus
  // from the button that went with the item.
  await expect(otherItem).toHaveCount(0);
  const removed = t
    .getByRole('region', { name: /^Assignments/ })
    .getByRole('status')
    .filter({ hasText: 'Assignment removed.' });
  await expect(removed).toBeVisible();
  await expect(removed).toBeFocused();
  await shoot(t, 'assignment-removed');
  // The other dialogs of the class page, for the screenshots and the scan.
  await t.getByRole('button', { name: 'New join code' }).click();
  await expect(t.getByRole('dialog', { name: 'Make a new invite code?' })).toBeVisible();
  await shoot(t, 'dialog-join-code');
  await t.keyboard.press('Escape');
  await t.getByRole('button', { name: 'Remove Ben Baker' }).click();
  await expect(t.getByRole('dialog', { name: 'Remove Ben Baker from Operations 201?' })).toBeVisible();
  await shoot(t, 'dialog-remove-student');
  await t.keyboard.press('Escape');

  // Unpublish, then archive: the lesson leaves Ann's dashboard, the attempts stay in the gradebook.
  await t.goto(reviewUrl);
  await t.getByRole('button', { name: 'Unpublish' }).click();
  await t.getByRole('dialog').getByRole('button', { name: 'Unpublish' }).click();
  await expect(t.getByRole('main').getByRole('status').filter({ hasText: 'Unpublished' })).toBeVisible();
  await expect(t.getByText('Draft', { exact: true })).toBeVisible();
  await t.getByRole('button', { name: 'Archive' }).click();
  await shoot(t, 'dialog-archive');
  await t.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(t.getByRole('main').getByRole('status').filter({ hasText: 'Archived' })).toBeVisible();
  await expect(t.getByText('Archived', { exact: true })).toBeVisible();
  // Deleting it now archives it (it has attempts): nothing is lost.
  await t.getByRole('button', { name: 'Delete' }).click();
  await t.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(t.getByRole('main').getByRole('status').filter({ hasText: 'archived instead of deleted' })).toBeVisible();
  await ann.page.goto('/dashboard');
  // Nothing is assigned from it any more; her past attempts on it stay in her history.
  await expect(ann.page.getByRole('region', { name: 'Assigned to you' }).getByRole('link', { name: LESSON })).toHaveCount(0);
  await t.goto(classUrl);
  await expect(book.getByRole('row', { name: /Ann Able/ })).toContainText('2 attempts');
  await expect(book.getByRole('row', { name: /Ben Baker/ })).toContainText('1 attempt');

  // The teaching home sums it up.
  await t.goto('/teach');
  const card = t.getByRole('listitem').filter({ has: t.getByRole('link', { name: 'Operations 201' }) });
  await expect(card).toContainText('Students');
  await expect(card.getByText('2', { exact: true }).first()).toBeVisible();
  await expect(card).toContainText('20 Mar 2031, 09:15');
  await shoot(t, 'teach-home');
  for (const s of [teacher, ann, ben]) await s.context.close();
});
