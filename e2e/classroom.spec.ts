import type { Page } from '@playwright/test';
import { expect, expectAccessible, sidewaysOverflow, test, uniqueEmail } from './fixtures';

const ARTICLE = 'test/fixtures/harbor-coffee.md';
const LESSON_TITLE = 'The Early Years';
// Opened from the dashboard, the quiz is taken for the class's assignment (issue 10).
const LESSON_QUIZ = /\/cases\/harbor-coffee[a-z0-9-]*\/lessons\/the-early-years\/quiz\?assignment=[0-9a-f-]{36}$/;
const EDITED_NOTE = ' (reworded by the instructor)';
const ADDED_PROMPT = 'In which city did Harbor Coffee open its first café?';
const password = 'classroom password 1';

test('an instructor imports and edits a case study, runs a class where two students take the quiz, and reads the gradebook, CSV and item analysis', async ({
  browser,
}, testInfo) => {
  // The whole term in one story: five people, an import, two quizzes and the checks after them.
  test.setTimeout(240_000);
  const shoot = async (page: Page, name: string) => {
    if (testInfo.project.name !== 'pglite') return;
    await page.mouse.move(0, 0); // no tooltip left open by the last click
    for (const [w, h, tag] of [
      [390, 844, 'phone'],
      [1280, 900, 'desktop'],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      // Charts re-measure themselves after a resize: give the layout a moment to settle.
      await expect.poll(() => sidewaysOverflow(page), { message: `${name} at ${w}px scrolls sideways` }).toEqual([]);
      await page.screenshot({ path: `screenshots/${name}-${tag}.png`, fullPage: true });
    }
    await expectAccessible(page, name);
  };
  const newUser = async (name: string, role: 'Student' | 'Instructor') => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { AuthPages, QuizPage } = await import('./fixtures');
    await new AuthPages(page).signUp({ name, email: uniqueEmail(name.split(' ')[0]!.toLowerCase()), password, role });
    await expect(page).toHaveURL(/\/dashboard$/);
    return { page, quiz: new QuizPage(page), context };
  };

  // The instructor imports an article: bad files are refused, then a preview, then a draft.
  const teacher = await newUser('Tess Teacher', 'Instructor');
  await teacher.page.getByRole('link', { name: 'Case studies' }).click();
  await teacher.page.getByRole('link', { name: 'Import a case study' }).click();
  await expect(teacher.page).toHaveURL(/\/teach\/cases\/new$/);
  await teacher.page
    .getByLabel('Article file')
    .setInputFiles({ name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 \u0000\u0001') });
  await teacher.page.getByRole('button', { name: 'Preview' }).click();
  await expect(teacher.page.getByRole('main').getByRole('alert')).toContainText('is not a text file');
  await teacher.page.getByLabel('Article file').setInputFiles([]);
  await teacher.page.getByLabel('Article text').fill('Just a title\n\nAnd one short line.');
  await teacher.page.getByRole('button', { name: 'Preview' }).click();
  await expect(teacher.page.getByRole('main').getByRole('alert')).toContainText('too short to teach from');
  await teacher.page.getByLabel('Article text').fill('');
  await teacher.page.getByLabel('Article file').setInputFiles(ARTICLE);
  await teacher.page.getByRole('button', { name: 'Preview' }).click();
  await expect(teacher.page.getByRole('heading', { name: /^Preview: Harbor Coffee/ })).toBeVisible();
  await expect(teacher.page.getByLabel('Article text')).toHaveValue(/^# Harbor Coffee/);
  await shoot(teacher.page, 'import-preview');
  await teacher.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(teacher.page).toHaveURL(/\/teach\/cases\/[0-9a-f-]{36}\?imported=1$/);
  await expect(teacher.page.getByText('Draft', { exact: true })).toBeVisible();
  const reviewUrl = teacher.page.url().replace(/\?.*$/, '');

  // The instructor rewords the lesson's first question, whatever kind the generator made it.
  const lessonSection = teacher.page.getByRole('region', { name: `Lesson 1: ${LESSON_TITLE}` });
  const card = lessonSection
    .getByRole('listitem')
    .filter({ has: teacher.page.getByRole('link', { name: /^Edit question \d+$/ }) })
    .first();
  await expect(card.getByText('Source sentence')).toBeVisible();
  await card.getByRole('link', { name: /^Edit question \d+$/ }).click();
  await expect(teacher.page.getByRole('heading', { level: 1, name: 'Edit a question' })).toBeVisible();
  await shoot(teacher.page, 'edit-question');
  const prompt = teacher.page.getByLabel('Question', { exact: true });
  const editedPrompt = `${await prompt.inputValue()}${EDITED_NOTE}`;
  await prompt.fill(editedPrompt);
  await teacher.page.getByRole('button', { name: 'Save question' }).click();
  // Saved: back on the review page, or still on the editor when a generator check has a remark.
  await expect(teacher.page.getByRole('main').getByRole('status').first()).toContainText(/Question saved|Saved\. Worth a second look/);
  await teacher.page.goto(reviewUrl);
  await expect(teacher.page.getByRole('heading', { level: 3, name: editedPrompt })).toBeVisible();
  await shoot(teacher.page, 'review');

  // The instructor adds a single-choice question of their own, first option right: the item
  // analysis below is read from it, so it does not depend on the kinds the generator wrote.
  await lessonSection.getByRole('link', { name: `Add a question to ${LESSON_TITLE}` }).click();
  await teacher.page.getByLabel('Question type').selectOption({ label: 'Single choice' });
  await teacher.page.getByRole('button', { name: 'Save question' }).click();
  await expect(teacher.page.getByRole('main').getByRole('alert')).toContainText('The question cannot be empty');
  await teacher.page.getByLabel('Question', { exact: true }).fill(ADDED_PROMPT);
  for (const [i, city] of ['Portland', 'Seattle', 'Boston'].entries())
    await teacher.page.getByLabel(`Option ${i + 1}`, { exact: true }).fill(city);
  await teacher.page.getByLabel('Option 1 is right').check();
  await teacher.page.getByLabel('Explanation').fill('The article opens with the first café in Portland.');
  await shoot(teacher.page, 'add-question');
  await teacher.page.getByRole('button', { name: 'Save question' }).click();
  await expect(teacher.page.getByRole('main').getByRole('status').first()).toContainText('Question saved');
  await expect(lessonSection.getByRole('listitem').filter({ hasText: ADDED_PROMPT }).getByText('yours')).toBeVisible();
  await teacher.page.getByRole('button', { name: 'Publish' }).click();
  await teacher.page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(teacher.page.getByRole('main').getByRole('status').first()).toContainText('Published');
  await expect(teacher.page.getByText('Published', { exact: true })).toBeVisible();
  await teacher.page.getByRole('link', { name: 'Case studies', exact: true }).click();
  await expect(teacher.page).toHaveURL(/\/teach\/cases$/);
  await expect(teacher.page.getByRole('listitem').filter({ hasText: 'Harbor Coffee' })).toContainText('Published');
  await shoot(teacher.page, 'my-cases');

  // The instructor creates a class and assigns the lesson.
  await teacher.page.getByRole('link', { name: 'Classes' }).click();
  await teacher.page.getByLabel('Class name').fill('Strategy 101');
  await teacher.page.getByRole('button', { name: 'Create class' }).click();
  await expect(teacher.page.getByRole('heading', { level: 1, name: 'Strategy 101' })).toBeVisible();
  const code = await teacher.page.getByLabel('Join code').inputValue();
  expect(code).toMatch(/^[0-9A-Z]{8}$/);
  await teacher.page.getByLabel('What to assign').selectOption({ label: LESSON_TITLE });
  await teacher.page.getByLabel('Due date').fill('2031-06-30T23:59');
  await teacher.page.getByLabel('Score that counts').selectOption('Highest');
  await teacher.page.getByLabel('Attempts allowed').selectOption('1');
  await teacher.page.getByLabel('Show answers').selectOption('After the due date');
  await teacher.page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(teacher.page.getByRole('main').getByRole('status')).toContainText('Lesson assigned');
  const classUrl = teacher.page.url();

  // One student joins through the link, the other types the code.
  const ann = await newUser('Ann Student', 'Student');
  await ann.page.goto(`/join?code=${code}`);
  await expect(ann.page.getByLabel('Join code')).toHaveValue(code);
  await ann.page.getByRole('button', { name: 'Join class' }).click();
  const ben = await newUser('Ben Student', 'Student');
  await ben.page.getByRole('link', { name: 'Join a class' }).click();
  await ben.page.getByLabel('Join code').fill('WRONG123');
  await ben.page.getByRole('button', { name: 'Join class' }).click();
  await expect(ben.page.getByRole('main').getByRole('alert')).toContainText('No class has that join code');
  await shoot(ben.page, 'join');
  await ben.page.getByLabel('Join code').fill(code.toLowerCase());
  await ben.page.getByRole('button', { name: 'Join class' }).click();

  // Both see the assignment and take the quiz with different answers.
  const scores: string[] = [];
  for (const [student, pick] of [
    [ann, 'first'],
    [ben, 'last'],
  ] as const) {
    await expect(student.page).toHaveURL(/\/dashboard/);
    await expect(student.page.getByRole('heading', { name: 'Assigned to you' })).toBeVisible();
    await student.page.getByRole('link', { name: LESSON_TITLE }).first().click();
    await expect(student.page).toHaveURL(LESSON_QUIZ);
    await expect(student.page.getByText('This attempt counts for Strategy 101')).toBeVisible();
    await student.quiz.answerAll(pick);
    // Options are shuffled per attempt: the instructor's question is answered by its text, right by Ann only.
    await student.page
      .getByRole('group', { name: ADDED_PROMPT })
      .getByLabel(student === ann ? 'Portland' : 'Boston')
      .check();
    await student.quiz.submit();
    await expect(student.page).toHaveURL(/\/attempts\//);
    const scoreText = await student.page
      .getByText(/You scored [\d.]+ of \d+/)
      .first()
      .textContent();
    const [, got, max] = /You scored ([\d.]+) of (\d+)/.exec(scoreText ?? '')!;
    scores.push(`${Math.round((Number(got) / Number(max)) * 100)}%`);
    // Answers come after the due date, and one attempt is all the class allows.
    await expect(student.page.getByRole('note')).toContainText('shows the right answers after the due date');
    await expect(student.page.getByText('Right answer', { exact: true })).toHaveCount(0);
    await expect(student.page.getByText('Why:')).toHaveCount(0);
    if (student === ann) await shoot(ann.page, 'result-answers-later');
    await student.page.goto('/dashboard');
    await student.page.getByRole('link', { name: LESSON_TITLE }).first().click();
    await expect(student.page.getByText('You have used the one attempt your class allows')).toBeVisible();
    await expect(student.page.getByRole('button', { name: 'Submit answers' })).toHaveCount(0);
  }
  await ann.page.goto('/dashboard');
  await shoot(ann.page, 'dashboard-assigned');

  // The gradebook shows both scores; the CSV holds the same numbers.
  await teacher.page.goto(classUrl);
  const book = teacher.page.getByRole('region', { name: 'Gradebook table' });
  await expect(book.getByRole('row', { name: /Ann Student/ })).toContainText(scores[0]!);
  await expect(book.getByRole('row', { name: /Ben Student/ })).toContainText(scores[1]!);
  await shoot(teacher.page, 'class');
  const csv = await (await teacher.page.request.get(`${classUrl}/gradebook.csv`)).text();
  // Every cell is quoted; none of these holds a comma or a quote, so a split is enough here.
  const rows = csv.split('\r\n').map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
  const annRow = rows.find((r) => r[0] === 'Ann Student')!;
  const benRow = rows.find((r) => r[0] === 'Ben Student')!;
  // The CSV keeps one decimal; the page rounds to whole percents.
  expect(Math.round(Number(annRow[2]))).toBe(Number(scores[0]!.replace('%', '')));
  expect(Math.round(Number(benRow[2]))).toBe(Number(scores[1]!.replace('%', '')));

  // The teacher can open a student's attempt from the gradebook.
  await book
    .getByRole('row', { name: /Ann Student/ })
    .getByRole('link', { name: scores[0]! })
    .click();
  await expect(teacher.page).toHaveURL(/\/attempts\//);
  await expect(teacher.page.getByRole('heading', { level: 1, name: /Ann Student scored [\d.]+ of \d+/ })).toBeVisible();
  // The instructor sees the explanations the student will only see after the due date.
  await expect(teacher.page.getByText('Why:').first()).toBeVisible();

  // Item analysis of the assignment: the instructor's own question was answered right by Ann only.
  await teacher.page.goto(classUrl);
  await book.getByRole('link', { name: `Item analysis of ${LESSON_TITLE}` }).click();
  await expect(teacher.page.getByRole('heading', { level: 1, name: 'Item analysis' })).toBeVisible();
  const stats = teacher.page.getByRole('region', { name: 'Question statistics' });
  const editedRow = stats.getByRole('row').filter({ hasText: ADDED_PROMPT });
  // Columns: #, question, facility, …
  await expect(editedRow.getByRole('cell').nth(1)).toHaveText('50%');
  await expect(teacher.page.getByRole('figure').filter({ hasText: 'Facility and discrimination' }).locator('svg').first()).toBeVisible();
  await shoot(teacher.page, 'item-analysis');
  const analysisUrl = teacher.page.url();

  // Nobody else gets in: a student of the class, a student outside it and another instructor get 404s
  // on every page and file of the class and of the instructor's case study.
  const questionEdit = await (async () => {
    await teacher.page.goto(reviewUrl);
    return new URL(
      (await teacher.page
        .getByRole('link', { name: /^Edit question \d+$/ })
        .first()
        .getAttribute('href'))!,
      reviewUrl,
    ).toString();
  })();
  const lessonId = new URL(analysisUrl).pathname.split('/').pop()!;
  const guarded = [
    classUrl,
    `${classUrl}/gradebook.csv`,
    analysisUrl,
    new URL(`/teach/analysis/${lessonId}`, analysisUrl).toString(),
    reviewUrl,
    questionEdit,
    new URL(`${new URL(reviewUrl).pathname}/questions/new?lesson=${lessonId}`, reviewUrl).toString(),
  ];
  const outsiders = [ann, await newUser('Olly Outsider', 'Student'), await newUser('Rex Rival', 'Instructor')];
  for (const outsider of outsiders) {
    for (const url of guarded) {
      const res = await outsider.page.request.get(url);
      expect(res.status(), `${url} for an outsider`).toBe(404);
    }
  }
  for (const o of outsiders.slice(1)) await o.context.close();
  await teacher.page.goto('/teach/classes');
  await shoot(teacher.page, 'classes');
  for (const s of [teacher, ann, ben]) await s.context.close();
});
