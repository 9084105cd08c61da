import type { Page } from '@playwright/test';
import { AuthPages, expect, expectAccessible, QuizPage, sidewaysOverflow, test, uniqueEmail } from './fixtures';

const ARTICLE = 'test/fixtures/harbor-coffee.md';
const LESSON_TITLE = 'The Early Years';
const CHOICE = 'In which year did the first roaster arrive, by the owners’ account?';
const TRUTH = 'Harbor baristas train for six weeks before serving alone.';
const BLANK = 'Which founder kept watch on the wholesale margins?';
// A GIFT description: shown just before the question after it, ungraded.
const NOTE = 'The next question is about how the two founders split the work.';
const BANK = [
  '// A small bank from Moodle',
  `::Roaster:: ${CHOICE} {=2011 ~2009 ~2015 ####The owners date it to 2011.}`,
  '',
  `::Training:: ${TRUTH} {TRUE}`,
  '',
  NOTE,
  '',
  `::Margins:: ${BLANK} {=Haddad =Omar Haddad}`,
  '',
  'A closing remark with no question after it.',
  '',
].join('\n');
const password = 'gift import password 1';

test.describe('questions in and out (GIFT)', () => {
  test('an instructor imports a GIFT file into a lesson after a preview, a student takes those questions and is graded; the export carries them, for instructors only', async ({
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

    const teacher = await newUser('Gale Teacher', 'Instructor');
    const t = teacher.page;
    await t.goto('/teach/cases/new');
    await t.getByLabel('Article file').setInputFiles(ARTICLE);
    await t.getByRole('button', { name: 'Save draft' }).click();
    await expect(t).toHaveURL(/\/teach\/cases\/[0-9a-f-]{36}\?imported=1$/);
    const reviewUrl = t.url().replace(/\?.*$/, '');

    await t.getByRole('link', { name: `Import questions into ${LESSON_TITLE}` }).click();
    await expect(t.getByRole('heading', { level: 1, name: 'Import questions' })).toBeVisible();
    const importUrl = t.url();
    const lessonId = new URL(importUrl).searchParams.get('lesson')!;
    await shoot(t, 'gift-import');

    // A binary file is refused before anything is read from it.
    const file = t.getByLabel('GIFT file', { exact: true });
    await file.setInputFiles({ name: 'bank.gift', mimeType: 'text/plain', buffer: Buffer.from([0x51, 0x00, 0x7b, 0x7d]) });
    await t.getByRole('button', { name: 'Preview' }).click();
    await expect(t.getByRole('main').getByRole('alert')).toContainText('holds binary data');

    // The preview: what will be added (kind, prompt, answer) and what is skipped, with its line and reason.
    await file.setInputFiles({ name: 'bank.gift', mimeType: 'text/plain', buffer: Buffer.from(BANK) });
    await t.getByRole('button', { name: 'Preview' }).click();
    await expect(t.getByRole('main').getByRole('status').first()).toContainText('Preview of “bank.gift”: 3 to add, 1 skipped');
    const preview = t.getByRole('region', { name: `What will be added to “${LESSON_TITLE}”` });
    await expect(preview.getByRole('listitem').filter({ hasText: CHOICE })).toContainText('Single choice · line 2');
    await expect(preview.getByRole('listitem').filter({ hasText: CHOICE })).toContainText('Answer: 2011');
    await expect(preview.getByRole('listitem').filter({ hasText: BLANK })).toContainText('line 8');
    await expect(preview.getByRole('listitem').filter({ hasText: BLANK })).toContainText(`Shown before it: ${NOTE}`);
    await expect(preview.getByText(/^Line 10:/).locator('..')).toContainText('a description after the last question');
    await shoot(t, 'gift-import-preview');
    // An essay becomes a written answer the instructor grades; the preview says how it will be graded.
    const ESSAY = 'Should Harbor Coffee have opened a second roastery? Argue from the case.';
    const MODEL = 'No, because wholesale margins were thin and the first roastery ran below capacity.';
    await file.setInputFiles({ name: 'essay.gift', mimeType: 'text/plain', buffer: Buffer.from(`::Roastery:: ${ESSAY} {####${MODEL}}\n`) });
    await t.getByRole('button', { name: 'Preview' }).click();
    const essay = preview.getByRole('listitem').filter({ hasText: ESSAY });
    await expect(essay).toContainText(`Model answer: ${MODEL}`);
    await expect(essay).toContainText('the model answer is the file’s general feedback; rubric: one criterion');
    await expect(t.getByRole('button', { name: 'Add 1 question' })).toBeVisible();
    // Nothing is saved by a preview.
    await t.goto(reviewUrl);
    await expect(t.getByText(CHOICE)).toHaveCount(0);

    // A forged lesson id in the confirm form is refused, and nothing is saved.
    await t.goto(importUrl);
    await file.setInputFiles({ name: 'bank.gift', mimeType: 'text/plain', buffer: Buffer.from(BANK) });
    await t.getByRole('button', { name: 'Preview' }).click();
    const add = t.getByRole('button', { name: 'Add 3 questions' });
    await add.evaluate((button) => {
      (button.closest('form')!.querySelector('input[name=lessonId]') as HTMLInputElement).value = '00000000-0000-4000-8000-000000000000';
    });
    await add.click();
    await expect(t.getByRole('main').getByRole('alert')).toContainText('Lesson not found.');
    await t.goto(reviewUrl);
    await expect(t.getByText(CHOICE)).toHaveCount(0);

    await t.goto(importUrl);
    await file.setInputFiles({ name: 'bank.gift', mimeType: 'text/plain', buffer: Buffer.from(BANK) });
    await t.getByRole('button', { name: 'Preview' }).click();
    await t.getByRole('button', { name: 'Add 3 questions' }).click();
    await expect(t).toHaveURL(/\?added=3#lesson-/);
    await expect(t.getByRole('main').getByRole('status').first()).toContainText('3 imported questions were added as your own');
    const lesson = t.getByRole('region', { name: `Lesson 1: ${LESSON_TITLE}` });
    for (const prompt of [CHOICE, TRUTH, BLANK]) await expect(lesson.getByRole('heading', { level: 3, name: prompt })).toBeVisible();
    await expect(lesson.getByRole('listitem').filter({ hasText: BLANK }).getByTestId('question-intro')).toHaveText(NOTE);
    await shoot(t, 'review-after-gift-import');
    // A lesson without questions offers no empty download.
    await expect(t.getByRole('link', { name: 'GIFT of The Wholesale Decision' })).toHaveCount(0);
    await expect(t.getByRole('link', { name: `GIFT of ${LESSON_TITLE}` })).toHaveCount(1);

    // Export: the lesson and the case study as GIFT, with a file name; Moodle XML and a QTI zip beside them.
    const lessonGift = await t.request.get(`${reviewUrl}/export?format=gift&lesson=${lessonId}`);
    expect(lessonGift.status()).toBe(200);
    expect(lessonGift.headers()['content-disposition']).toMatch(/^attachment; filename="harbor-coffee-[a-z0-9-]+-the-early-years\.gift"$/);
    const giftText = await lessonGift.text();
    expect(giftText).toMatch(/^\$CATEGORY: Harbor Coffee: .*\/The Early Years$/m);
    expect(giftText).toContain(`${CHOICE} {=2011 ~2009 ~2015 ####The owners date it to 2011.}`);
    expect(giftText).toContain(`${TRUTH} {TRUE}`);
    expect(giftText).toMatch(new RegExp(`intro:: ${NOTE}\n\n::[^:]+:: ${BLANK.replace('?', '\\?')} \\{=Haddad =Omar Haddad\\}`));
    const caseLink = t.getByRole('link', { name: /^GIFT of every lesson of / });
    const caseGift = await t.request.get((await caseLink.getAttribute('href'))!);
    expect(await caseGift.text()).toContain(`::Lesson 1 question 2:: ${CHOICE}`);
    const moodle = await t.request.get(`${reviewUrl}/export?format=moodle`);
    expect(moodle.headers()['content-type']).toContain('application/xml');
    expect(await moodle.text()).toContain(`<text>${TRUTH}</text>`);
    const qti = await t.request.get(`${reviewUrl}/export?format=qti&lesson=${lessonId}`);
    expect(qti.headers()['content-disposition']).toMatch(/-qti\.zip"$/);
    expect((await qti.body()).subarray(0, 2).toString()).toBe('PK');

    // Publish, assign the lesson to a class; a student joins and takes the imported questions.
    await t.getByRole('link', { name: 'Review, then publish at the end' }).click();
    await t.getByRole('region', { name: 'Publish' }).getByRole('button', { name: 'Publish' }).click();
    await t
      .getByRole('dialog', { name: /^Publish/ })
      .getByRole('button', { name: 'Publish' })
      .click();
    await expect(t.getByText('Published', { exact: true })).toBeVisible();
    await t.goto('/teach/classes');
    await t.getByLabel('Class name').fill('Imported Bank');
    await t.getByRole('button', { name: 'Create class' }).click();
    await expect(t.getByRole('heading', { level: 1, name: 'Imported Bank' })).toBeVisible();
    const code = await t.getByLabel('Join code').inputValue();
    await t.getByLabel('What to assign').selectOption({ label: LESSON_TITLE });
    await t.getByLabel('Due date and time').fill('2031-06-30T17:00');
    await t.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(t.getByRole('main').getByRole('status').filter({ hasText: 'Lesson assigned' })).toBeVisible();

    const student = await newUser('Sol Student', 'Student');
    const s = student.page;
    await s.goto(`/join?code=${code}`);
    await s.getByRole('button', { name: 'Join class' }).click();
    await expect(s).toHaveURL(/\/dashboard/);
    await s.getByRole('link', { name: LESSON_TITLE }).first().click();
    await expect(s).toHaveURL(/\/quiz\?assignment=/);
    // The keys of the imported questions do not reach the quiz page.
    expect(await s.content()).not.toContain('The owners date it to 2011.');
    await new QuizPage(s).answerAll('first');
    await s.getByRole('group', { name: CHOICE }).getByRole('radio', { name: '2011' }).check();
    await s.getByRole('group', { name: TRUTH }).getByRole('radio', { name: 'True' }).check();
    // The description is shown just before its question and describes it to a screen reader.
    await expect(s.getByRole('group', { name: BLANK })).toHaveAccessibleDescription(NOTE);
    await shoot(s, 'quiz-with-imported-questions');
    await s.getByRole('group', { name: BLANK }).getByRole('textbox').fill('Haddad');
    await s.getByRole('button', { name: 'Submit answers' }).click();
    await expect(s).toHaveURL(/\/attempts\//);
    const answers = s.getByRole('list', { name: 'Answers' });
    for (const prompt of [CHOICE, TRUTH, BLANK])
      await expect(answers.getByRole('listitem').filter({ hasText: prompt })).toContainText('✓ Correct');
    await expect(answers.getByRole('listitem').filter({ hasText: CHOICE })).toContainText('The owners date it to 2011.');
    await expect(answers.getByRole('listitem').filter({ hasText: BLANK }).getByTestId('question-intro')).toHaveText(NOTE);

    // Keys never go to a student, nor to another instructor for a case study that is not theirs or the library's.
    expect((await s.request.get(`${reviewUrl}/export?format=gift`)).status()).toBe(404);
    expect((await s.request.get(importUrl)).status()).toBe(404);
    const rival = await newUser('Ray Rival', 'Instructor');
    expect((await rival.page.request.get(`${reviewUrl}/export?format=gift&lesson=${lessonId}`)).status()).toBe(404);
    expect((await rival.page.request.get(importUrl)).status()).toBe(404);
    // The shared library is every instructor's to export, from its overview page.
    await rival.page.goto('/cases/alibaba-ai-comeback');
    await shoot(rival.page, 'library-case-export');
    const libraryLink = rival.page.getByRole('link', { name: /^GIFT of the questions of / });
    const library = await rival.page.request.get((await libraryLink.getAttribute('href'))!);
    expect(library.status()).toBe(200);
    expect(library.headers()['content-disposition']).toBe('attachment; filename="alibaba-ai-comeback.gift"');
    expect(await library.text()).toMatch(/^\$CATEGORY: /);
    await s.goto('/cases/alibaba-ai-comeback');
    await expect(s.getByRole('link', { name: /^GIFT of / })).toHaveCount(0);
    for (const c of [teacher, student, rival]) await c.context.close();
  });
});
