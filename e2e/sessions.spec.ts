import type { BrowserContext } from '@playwright/test';
import { expect, SEED_CASE, test, uniqueEmail } from './fixtures';

const isSessionCookie = (name: string) => /authjs\.session-token/.test(name);
const sessionCookies = async (context: BrowserContext) => (await context.cookies()).filter((c) => isSessionCookie(c.name));

test.describe('signing out ends the session', () => {
  test('every sign-out, from every page, leaves no session cookie and no way back in', async ({ page, auth, context }) => {
    const email = uniqueEmail('signout-loop');
    const password = 'sign-out-loop-password';
    await auth.signUp({ name: 'Loop Learner', email, password });
    await expect(page).toHaveURL(/\/dashboard$/);
    const pages = ['/dashboard', '/cases', `/cases/${SEED_CASE}`, '/join'];
    for (let round = 0; round < 12; round++) {
      const from = pages[round % pages.length]!;
      if (round > 0) {
        await auth.signIn(email, password);
        await expect(page).toHaveURL(/\/dashboard$/);
      }
      await page.goto(from);
      // Clicked as soon as the page is there, while its links may still be prefetching.
      await auth.signOut();
      expect(await sessionCookies(context), `round ${round} from ${from}`).toEqual([]);
      await page.goto('/dashboard');
      await expect(page, `round ${round} from ${from}`).toHaveURL(/\/login/);
    }
  });

  test('a session cookie copied before sign-out is refused afterwards', async ({ page, auth, context, browser, baseURL }) => {
    await auth.signUp({ name: 'Copied Cookie', email: uniqueEmail('replay'), password: 'replay-password' });
    await expect(page).toHaveURL(/\/dashboard$/);
    const copied = await sessionCookies(context);
    expect(copied).toHaveLength(1);
    await auth.signOut();

    const thief = await browser.newContext({ baseURL });
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto('/dashboard');
    await expect(stolen).toHaveURL(/\/login/);
    const session = await thief.request.get('/api/auth/session');
    expect(await session.json()).toBeNull();
    await thief.close();
  });
});
