import type { Browser } from '@playwright/test';
import postgres from 'postgres';
import {
  AuthPages,
  expect,
  inspect,
  QuizPage,
  SEED_CASE,
  smtpPortFor,
  startMailCatcher,
  test,
  uniqueAddress,
  uniqueEmail,
} from './fixtures';

/** A fresh browser with a signed-in account of its own (each from an address of its own, like a real client). */
async function newAccount(browser: Browser, baseURL: string, who: { name: string; password: string; role?: 'Student' | 'Instructor' }) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const email = uniqueEmail(who.name.split(' ')[0]!.toLowerCase());
  await new AuthPages(page).signUp({ ...who, email });
  await expect(page).toHaveURL(/\/dashboard$/);
  return { context, page, email, auth: new AuthPages(page) };
}

const resetLinkIn = (text: string) => /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];

test.describe('forgotten password', () => {
  let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
  test.beforeAll(async ({}, testInfo) => {
    catcher = await startMailCatcher(smtpPortFor(testInfo.project.use.baseURL!));
  });
  test.afterAll(async () => {
    await catcher?.close();
  });

  test('the reset mail arrives over SMTP, its link sets a new password once, and a second use fails', async ({ browser, baseURL }) => {
    const old = 'the-old-password-1';
    const account = await newAccount(browser, baseURL!, { name: 'Forgetful Fay', password: old });
    await account.auth.signOut();
    const { page } = account;

    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel('Email').fill(account.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const sent = page.getByRole('main').getByRole('status');
    await expect(sent).toContainText('If an account uses that email');
    const answerForKnown = await sent.textContent();

    // An unknown email gets the very same words, and no mail goes anywhere for it.
    const stranger = uniqueEmail('nobody-has-this');
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill(stranger);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(answerForKnown!);

    const mail = await catcher.mailTo(account.email);
    expect(mail.raw).toMatch(/^Subject: Set a new Casewise password/m);
    const link = resetLinkIn(mail.text);
    expect(link, mail.text).toBeDefined();
    // Built from APP_URL, which playwright.config.ts sets to this server.
    expect(new URL(link!).origin).toBe(new URL(baseURL!).origin);
    expect(catcher.mails.some((m) => m.to.includes(stranger))).toBe(false);

    // Two tabs hold the form; the first sets the password, the second is refused.
    const second = await account.context.newPage();
    await page.goto(link!);
    await second.goto(link!);
    await expect(page.getByRole('heading', { level: 1, name: 'Set a new password' })).toBeVisible();
    await inspect(page, 'reset-password');
    await page.getByLabel('New password').fill('the-new-password-2');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page).toHaveURL(/\/login\?reset=1$/);
    await expect(page.getByRole('status')).toContainText('Your new password is set');

    await second.getByLabel('New password').fill('an-attackers-password');
    await second.getByRole('button', { name: 'Set new password' }).click();
    await expect(second.getByRole('main').getByRole('alert')).toContainText('expired or has been used already');
    // Opened again, the link is dead.
    await second.goto(link!);
    await expect(second.getByRole('main').getByRole('alert')).toContainText('expired or has been used already');
    await expect(second.getByLabel('New password')).toHaveCount(0);
    await inspect(second, 'reset-password-used');

    await account.auth.signIn(account.email, old);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Email or password is incorrect');
    await account.auth.signIn(account.email, 'the-new-password-2');
    await expect(page).toHaveURL(/\/dashboard$/);
    await account.context.close();
  });
});

test.describe('joining a class from an invitation link', () => {
  async function classWithCode(browser: Browser, baseURL: string, name: string) {
    const teacher = await newAccount(browser, baseURL, { name: 'Inviting Ines', password: 'inviting-password', role: 'Instructor' });
    await teacher.page.goto('/teach/classes');
    await teacher.page.getByLabel('Class name').fill(name);
    await teacher.page.getByRole('button', { name: 'Create class' }).click();
    await expect(teacher.page.getByRole('heading', { level: 1, name })).toBeVisible();
    const code = await teacher.page.getByLabel('Join code').inputValue();
    await teacher.context.close();
    return code;
  }

  test('a student opens the link signed out, signs up, and lands in the class', async ({ page, baseURL, browser }) => {
    const className = `Negotiation ${Date.now().toString(36)}`;
    const code = await classWithCode(browser, baseURL!, className);
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueAddress() });

    await page.goto(`/join?code=${code}`);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await expect(page.getByText('Your join code is kept')).toBeVisible();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await expect(page).toHaveURL(/\/signup\?callbackUrl=/);
    await page.getByLabel('Name').fill('Invited Ivo');
    await page.getByLabel('Email').fill(uniqueEmail('invited'));
    await page.getByLabel('Password').fill('invited-password');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(new RegExp(`/join\\?code=${code}$`));
    await expect(page.getByRole('main')).toContainText(`This code is for ${className}`);
    const field = page.getByLabel('Join code');
    await expect(field).toHaveValue(code);
    // The field's border is visible before it has the focus: at least 3:1 against the page (WCAG 1.4.11).
    await page.getByRole('heading', { level: 1 }).click();
    const contrast = await field.evaluate((el) => {
      // Any CSS colour (Tailwind 4 writes oklch) to sRGB bytes, through a canvas.
      const rgb = (c: string) => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.fillStyle = c;
        ctx.fillRect(0, 0, 1, 1);
        return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const lum = (c: number[]) =>
        c
          .map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const style = getComputedStyle(el);
      const [a, b] = [lum(rgb(style.borderTopColor)), lum(rgb(getComputedStyle(document.body).backgroundColor))];
      return { width: parseFloat(style.borderTopWidth), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
    });
    expect(contrast.width).toBeGreaterThanOrEqual(1);
    expect(contrast.ratio).toBeGreaterThanOrEqual(3);
    await inspect(page, 'join-invited');

    await page.getByRole('button', { name: 'Join class' }).click();
    await expect(page).toHaveURL(/\/dashboard\?joined=[0-9a-f-]{36}$/);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(
      `You joined ${className}. Its assignments appear under “Assigned to you”.`,
    );
  });

  test('a student with an account signs in from the link and comes back to it; a forged callback stays on this site', async ({
    page,
    browser,
    baseURL,
  }) => {
    const className = `Pricing ${Date.now().toString(36)}`;
    const code = await classWithCode(browser, baseURL!, className);
    const student = await newAccount(browser, baseURL!, { name: 'Returning Rita', password: 'returning-password' });
    await student.context.close();

    await page.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueAddress() });
    await page.goto(`/join?code=${code}`);
    await page.getByLabel('Email').fill(student.email);
    await page.getByLabel('Password').fill('returning-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/join\\?code=${code}$`));
    await page.getByRole('button', { name: 'Join class' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText(`You joined ${className}`);

    // Another site in the callback is dropped: signing in lands on the dashboard.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    for (const forged of ['https://evil.example/join', '//evil.example/join', '/\\evil.example/join']) {
      await page.goto(`/login?${new URLSearchParams({ callbackUrl: forged })}`);
      await page.getByLabel('Email').fill(student.email);
      await page.getByLabel('Password').fill('returning-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page, forged).toHaveURL(/^http:\/\/localhost:\d+\/dashboard$/);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login/);
    }
  });
});

test.describe('the account page', () => {
  test('changing the password keeps this browser signed in and ends the other session', async ({ browser, baseURL }) => {
    const account = await newAccount(browser, baseURL!, { name: 'Careful Cleo', password: 'cleo-first-password' });
    const other = await browser.newContext({ baseURL });
    const otherPage = await other.newPage();
    await otherPage.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueAddress() });
    await new AuthPages(otherPage).signIn(account.email, 'cleo-first-password');
    await expect(otherPage).toHaveURL(/\/dashboard$/);

    const { page } = account;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Account' })).toHaveAttribute('aria-current', 'page');
    await inspect(page, 'account');

    const passwordForm = page.getByRole('region', { name: 'Password', exact: true });
    await passwordForm.getByLabel('Current password').fill('not-my-password');
    await passwordForm.getByLabel('New password').fill('cleo-second-password');
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await expect(passwordForm.getByRole('alert')).toContainText('Your current password is not right');

    await passwordForm.getByLabel('Current password').fill('cleo-first-password');
    await passwordForm.getByLabel('New password').fill('cleo-second-password');
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await expect(page).toHaveURL(/\/account\?changed=password$/);
    await expect(passwordForm.getByRole('status')).toContainText('Your password is changed');

    await otherPage.goto('/dashboard');
    await expect(otherPage).toHaveURL(/\/login/);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/dashboard$/);

    const nameForm = page.getByRole('region', { name: 'Name', exact: true });
    await page.goto('/account');
    await nameForm.getByLabel('Name').fill('Cleo Renamed');
    await nameForm.getByRole('button', { name: 'Save name' }).click();
    await expect(nameForm.getByRole('status')).toContainText('Your name is now Cleo Renamed');
    await expect(page.getByRole('banner')).toContainText('Cleo Renamed');
    await other.close();
    await account.context.close();
  });

  test('sets the spaced-review target per learner; a forged value is refused with the allowed range', async ({ browser, baseURL }) => {
    const account = await newAccount(browser, baseURL!, { name: 'Steady Sami', password: 'sami-password-1' });
    const other = await newAccount(browser, baseURL!, { name: 'Other Olu', password: 'olu-password-1' });
    const { page } = account;
    await page.goto('/account');
    const review = page.getByRole('region', { name: 'Spaced review' });
    await expect(review).toContainText('You can choose from 70% to 97%.');
    const target = review.getByLabel('Retention target');
    await expect(target).toHaveValue('0.9');

    await target.selectOption({ label: '80%' });
    await review.getByRole('button', { name: 'Save target' }).click();
    await expect(review.getByRole('status')).toContainText('Retention target saved: 80%');
    // The form shows the saved target, not the one it had before the save.
    await expect(target).toHaveValue('0.8');
    await inspect(page, 'account-spaced-review');

    // A value the list does not offer, as a forged request would send it.
    await target.evaluate((select: HTMLSelectElement) => {
      select.options[0]!.value = '0.99';
      select.value = '0.99';
    });
    await review.getByRole('button', { name: 'Save target' }).click();
    await expect(review.getByRole('alert')).toContainText('Choose a target between 70% and 97%.');

    await page.reload();
    await expect(page.getByRole('region', { name: 'Spaced review' }).getByLabel('Retention target')).toHaveValue('0.8');
    // Saved for this learner only.
    await other.page.goto('/account');
    await expect(other.page.getByRole('region', { name: 'Spaced review' }).getByLabel('Retention target')).toHaveValue('0.9');
    await other.context.close();
    await account.context.close();
  });

  test(
    'deleting the account needs its password and a confirmation, signs out and anonymises the attempts',
    { tag: '@postgres-only' },
    async ({ browser, baseURL }) => {
      // Reads the server's database to see the attempt without its owner: PostgreSQL only.
      const account = await newAccount(browser, baseURL!, { name: 'Leaving Lev', password: 'leaving-password' });
      const { page } = account;
      await page.goto(`/cases/${SEED_CASE}/lessons/what-was-the-big-crackdown-all-about/quiz`);
      const quiz = new QuizPage(page);
      await quiz.answerAll();
      await quiz.submit();
      await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
      const attemptId = /\/attempts\/([0-9a-f-]{36})/.exec(page.url())![1]!;

      await page.goto('/account');
      const danger = page.getByRole('region', { name: 'Delete your account' });
      await expect(danger).toContainText('Your 1 quiz attempt stays in the question statistics without your name');
      await danger.getByLabel('Your password').fill('leaving-password');
      await danger.getByRole('button', { name: 'Delete my account' }).click();
      await expect(danger.getByRole('alert')).toContainText('Tick the box');
      await danger.getByLabel('Your password').fill('wrong-password');
      await danger.getByLabel('I understand that my account is deleted for good.').check();
      await danger.getByRole('button', { name: 'Delete my account' }).click();
      await expect(danger.getByRole('alert')).toContainText('Your current password is not right');

      await danger.getByLabel('Your password').fill('leaving-password');
      await danger.getByLabel('I understand that my account is deleted for good.').check();
      await danger.getByRole('button', { name: 'Delete my account' }).click();
      await expect(page).toHaveURL(/\/login\?deleted=1$/);
      await expect(page.getByRole('status')).toContainText('Your account has been deleted');
      await account.auth.signIn(account.email, 'leaving-password');
      await expect(page.getByRole('main').getByRole('alert')).toContainText('Email or password is incorrect');

      const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      try {
        expect(await sql`select id from users where email = ${account.email}`).toHaveLength(0);
        const [attempt] = await sql<{ user_id: string | null }[]>`select user_id from attempts where id = ${attemptId}`;
        expect(attempt).toEqual({ user_id: null });
        expect((await sql`select count(*)::int as n from answers where attempt_id = ${attemptId}`)[0]!.n).toBeGreaterThan(0);
      } finally {
        await sql.end();
      }
      await account.context.close();
    },
  );
});

test.describe('the case study page', () => {
  test('lists the lessons before anything else and keeps the takeaways for the review lesson, shown once there', async ({ page, auth }) => {
    await auth.signUp({ name: 'Order Olga', email: uniqueEmail('order'), password: 'order-password' });
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto(`/cases/${SEED_CASE}`);
    const headings = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toBe('Lessons');
    expect(headings).not.toContain('Key takeaways');
    expect(headings).not.toContain('Conclusion');

    await page.getByRole('link', { name: 'Review: key takeaways' }).click();
    const takeaway = 'Always have a Plan B for regulatory changes.';
    await expect(page.getByRole('heading', { name: 'Key points' })).toBeVisible();
    await expect(page.getByRole('main').getByText(takeaway, { exact: true })).toHaveCount(1);
  });
});

test.describe('the header on a phone', () => {
  test('keeps to one line with a menu button that opens, closes with Escape and marks the current page', async ({ page, auth }) => {
    await auth.signUp({ name: 'Phone Phil', email: uniqueEmail('phone'), password: 'phone-password' });
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.setViewportSize({ width: 390, height: 844 });
    const header = page.getByRole('banner');
    const menu = header.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(header.getByRole('link', { name: 'Library' })).toBeHidden();
    // One row: the header is no taller than its tallest control plus its padding.
    expect((await header.boundingBox())!.height).toBeLessThan(70);

    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(header.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    await expect(header.getByRole('link', { name: 'Library' })).not.toHaveAttribute('aria-current', 'page');
    await inspect(page, 'header-menu-open');
    await page.setViewportSize({ width: 390, height: 844 });

    await page.keyboard.press('Tab');
    await expect(header.getByRole('link', { name: 'Library' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();

    await menu.click();
    await header.getByRole('link', { name: 'Library' }).click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(header.getByRole('link', { name: 'Library' })).toHaveAttribute('aria-current', 'page');
  });

  test('every page has a favicon that loads', async ({ page, request }) => {
    expect((await request.get('/favicon.ico')).status()).toBe(200);
    await page.goto('/login');
    const icons = await page.locator('link[rel~="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(icons.length).toBeGreaterThan(0);
    for (const href of icons) expect((await request.get(href)).status(), href).toBe(200);
  });
});
