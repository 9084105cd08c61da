import { AuthPages, expect, QuizPage, SEED_CASE, test, uniqueEmail } from './fixtures';

test.describe('bad input gets a clear message, never a server error', () => {
  test('a wrong password and an unknown email get the same message', async ({ page, auth }) => {
    const email = uniqueEmail('wrongpw');
    await auth.signUp({ name: 'Wrong Password', email, password: 'right-password-1' });
    await expect(page).toHaveURL(/\/dashboard$/);
    await auth.signOut();

    await auth.signIn(email, 'not-the-password');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.');
    await expect(page.getByLabel('Email')).toHaveValue(email);

    await auth.signIn(uniqueEmail('nobody'), 'whatever-password');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.');
  });

  test('a duplicate email is refused and the form keeps what was typed', async ({ page, auth }) => {
    const email = uniqueEmail('dupe');
    await auth.signUp({ name: 'First', email, password: 'first-password' });
    await expect(page).toHaveURL(/\/dashboard$/);
    await auth.signOut();

    await auth.signUp({ name: 'Second', email: email.toUpperCase(), password: 'second-password' });
    await expect(page.getByRole('main').getByRole('alert')).toContainText('An account with this email already exists');
    await expect(page.getByLabel('Name')).toHaveValue('Second');
  });

  test('sign-up validates every field', async ({ page }) => {
    await page.goto('/signup');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
    await expect(page.getByText('Enter your name.').first()).toBeVisible();
    await expect(page.getByText('Enter a valid email address.').first()).toBeVisible();
  });

  test('an empty answer sheet, a missing lesson and a forged attempt id', async ({ page, auth, quiz }) => {
    await auth.signUp({ name: 'Edge Case', email: uniqueEmail('edge'), password: 'edge-case-password' });
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.goto(`/cases/${SEED_CASE}/lessons/how-alibaba-got-creative-and-doubled-down-on-ai/quiz`);
    await quiz.submit();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Answer at least one question before submitting.');
    await expect(page).toHaveURL(/\/quiz$/);

    for (const path of [
      `/cases/${SEED_CASE}/lessons/no-such-lesson`,
      `/cases/${SEED_CASE}/lessons/no-such-lesson/quiz`,
      '/cases/no-such-case',
      '/attempts/00000000-0000-4000-8000-000000000000',
      '/attempts/not-a-uuid',
      "/attempts/1' or '1'='1",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    }
  });

  test("one learner cannot open another learner's result", async ({ browser }) => {
    const aliceContext = await browser.newContext();
    const alice = await aliceContext.newPage();
    await new AuthPages(alice).signUp({ name: 'Alice', email: uniqueEmail('alice'), password: 'alice-password' });
    await expect(alice).toHaveURL(/\/dashboard$/);
    await alice.goto(`/cases/${SEED_CASE}/lessons/what-was-the-big-crackdown-all-about/quiz`);
    await new QuizPage(alice).answerAll();
    await new QuizPage(alice).submit();
    await expect(alice).toHaveURL(/\/attempts\//);
    const attemptUrl = new URL(alice.url()).pathname;

    const bobContext = await browser.newContext();
    const bob = await bobContext.newPage();
    await new AuthPages(bob).signUp({ name: 'Bob', email: uniqueEmail('bob'), password: 'bob-password' });
    await expect(bob).toHaveURL(/\/dashboard$/);
    const response = await bob.goto(attemptUrl);
    expect(response?.status()).toBe(404);
    await expect(bob.getByText(/You scored/)).toHaveCount(0);
    await aliceContext.close();
    await bobContext.close();
  });

  test('an oversized article upload is refused in the browser and again on the server; nothing is saved', async ({ page, auth }) => {
    await auth.signUp({ name: 'Big Upload', email: uniqueEmail('upload'), password: 'upload-password', role: 'Instructor' });
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto('/teach/cases/new');
    const big = { name: 'huge.md', mimeType: 'text/markdown', buffer: Buffer.alloc(10 * 1024 * 1024, 'a') };
    await page.getByLabel('Article file').setInputFiles(big);
    await expect(page.getByText('“huge.md” is 10,240 KB; the limit is 1 MB.').first()).toBeVisible();

    // A script that skips the browser's check still gets the same message from the server.
    await page.reload();
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(10 * 1024 * 1024).fill(97)], 'huge.md', { type: 'text/markdown' }));
      input.files = transfer.files; // no change event: the client-side check never runs
    });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('the limit is 1 MB');
    await expect(page).toHaveURL(/\/teach\/cases\/new$/);
    await page.goto('/teach/cases');
    await expect(page.getByText('You have not imported any case study yet.')).toBeVisible();
  });

  test('students cannot reach the instructor pages', async ({ page, auth }) => {
    await auth.signUp({ name: 'Curious Student', email: uniqueEmail('curious'), password: 'curious-password' });
    await expect(page).toHaveURL(/\/dashboard$/);
    for (const path of [
      '/teach/cases',
      '/teach/cases/new',
      '/teach/classes',
      `/teach/analysis/00000000-0000-4000-8000-000000000000`,
      '/teach/cases/not-a-uuid',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});
