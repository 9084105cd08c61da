import { expect, SEED_CASE, test, uniqueEmail } from './fixtures';

const LESSON_TITLE = 'What Was the Big Crackdown All About?';
const LESSON_QUIZ = `/cases/${SEED_CASE}/lessons/what-was-the-big-crackdown-all-about/quiz`;
const password = 'classroom password 1';

test('an instructor runs a class: two students join, take an assigned quiz, and the gradebook and CSV agree', async ({ browser }, testInfo) => {
  const shoot = async (page: import('@playwright/test').Page, name: string) => {
    if (testInfo.project.name !== 'pglite') return;
    for (const [w, h, tag] of [[390, 844, 'phone'], [1280, 900, 'desktop']] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `screenshots/${name}-${tag}.png`, fullPage: true });
      const scrollsSideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      expect(scrollsSideways, `${name} at ${w}px scrolls sideways`).toBe(false);
    }
  };
  const newUser = async (name: string, role: 'Student' | 'Instructor') => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { AuthPages, QuizPage } = await import('./fixtures');
    await new AuthPages(page).signUp({ name, email: uniqueEmail(name.split(' ')[0]!.toLowerCase()), password, role });
    await expect(page).toHaveURL(/\/dashboard$/);
    return { page, quiz: new QuizPage(page), context };
  };

  // The instructor creates a class and assigns a lesson.
  const teacher = await newUser('Tess Teacher', 'Instructor');
  await teacher.page.getByRole('link', { name: 'Classes' }).click();
  await teacher.page.getByLabel('Class name').fill('Strategy 101');
  await teacher.page.getByRole('button', { name: 'Create class' }).click();
  await expect(teacher.page.getByRole('heading', { level: 1, name: 'Strategy 101' })).toBeVisible();
  const code = await teacher.page.getByLabel('Join code').inputValue();
  expect(code).toMatch(/^[0-9A-Z]{8}$/);
  await teacher.page.getByLabel('What to assign').selectOption({ label: LESSON_TITLE });
  await teacher.page.getByLabel('Due date').fill('2031-06-30');
  await teacher.page.getByLabel('Score that counts').selectOption('Highest');
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
  for (const [student, pick] of [[ann, 'first'], [ben, 'last']] as const) {
    await expect(student.page).toHaveURL(/\/dashboard/);
    await expect(student.page.getByRole('heading', { name: 'Assigned to you' })).toBeVisible();
    await student.page.getByRole('link', { name: LESSON_TITLE }).first().click();
    await expect(student.page).toHaveURL(new RegExp(`${LESSON_QUIZ}$`));
    await student.quiz.answerAll(pick);
    await student.quiz.submit();
    await expect(student.page).toHaveURL(/\/attempts\//);
    const scoreText = await student.page.getByText(/You scored \d+ of \d+/).first().textContent();
    const [, got, max] = /You scored (\d+) of (\d+)/.exec(scoreText ?? '')!;
    scores.push(`${Math.round((Number(got) / Number(max)) * 100)}%`);
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
  const annLine = csv.split('\r\n').find((l) => l.startsWith('Ann Student'))!;
  const benLine = csv.split('\r\n').find((l) => l.startsWith('Ben Student'))!;
  // The CSV keeps one decimal; the page rounds to whole percents.
  expect(Math.round(Number(annLine.split(',')[2]))).toBe(Number(scores[0]!.replace('%', '')));
  expect(Math.round(Number(benLine.split(',')[2]))).toBe(Number(scores[1]!.replace('%', '')));

  // The teacher can open a student's attempt from the gradebook.
  await book.getByRole('row', { name: /Ann Student/ }).getByRole('link', { name: scores[0]! }).click();
  await expect(teacher.page).toHaveURL(/\/attempts\//);
  await expect(teacher.page.getByRole('heading', { level: 1, name: /Ann Student scored \d+ of \d+/ })).toBeVisible();

  // Nobody else gets in: a student of the class and another instructor get 404s.
  for (const outsider of [ann, await newUser('Rex Rival', 'Instructor')]) {
    const res = await outsider.page.goto(classUrl);
    expect(res?.status()).toBe(404);
    const csvRes = await outsider.page.request.get(`${classUrl}/gradebook.csv`);
    expect(csvRes.status()).toBe(404);
  }
  await teacher.page.goto('/teach/classes');
  await shoot(teacher.page, 'classes');
  for (const s of [teacher, ann, ben]) await s.context.close();
});
