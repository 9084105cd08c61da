import { request as playwrightRequest } from '@playwright/test';
import { AuthPages, expect, test, uniqueAddress, uniqueEmail } from './fixtures';

const PASSWORD = 'the-owners-real-password';

test.describe('sign-in throttle', () => {
  test('40 wrong guesses through the form, then the right password: no session; the owner elsewhere gets in', async ({
    browser,
    baseURL,
  }) => {
    const email = uniqueEmail('guessed');
    const ownerContext = await browser.newContext({ baseURL });
    const owner = await ownerContext.newPage();
    await new AuthPages(owner).signUp({ name: 'Guessed Owner', email, password: PASSWORD });
    await expect(owner).toHaveURL(/\/dashboard$/);
    await new AuthPages(owner).signOut();

    const attackerContext = await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': uniqueAddress() } });
    const attacker = await attackerContext.newPage();
    await attacker.goto('/login');
    await attacker.getByLabel('Email').fill(email);
    for (let i = 0; i < 41; i++) {
      await attacker.getByLabel('Password').fill(i < 40 ? `wrong-guess-${i}` : PASSWORD);
      await Promise.all([
        attacker.waitForResponse((r) => r.request().method() === 'POST'),
        attacker.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      // React clears the form after the action answers; typing before that lands in a field about to be emptied.
      await expect(attacker.getByLabel('Password')).toHaveValue('');
    }
    await expect(attacker.getByRole('main').getByRole('alert')).toHaveText(/Too many failed sign-ins/);
    await expect(attacker).toHaveURL(/\/login/);
    expect((await attackerContext.cookies()).filter((c) => /session-token/.test(c.name))).toEqual([]);
    await attacker.goto('/dashboard');
    await expect(attacker).toHaveURL(/\/login/);

    // The owner, from an address of their own, is not locked out by the stranger.
    await owner.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueAddress() });
    await new AuthPages(owner).signIn(email, PASSWORD);
    await expect(owner).toHaveURL(/\/dashboard$/);
    await attackerContext.close();
    await ownerContext.close();
  });

  test("Auth.js's own credentials endpoint gives no session, whatever is guessed", async ({ page, auth, baseURL }) => {
    const email = uniqueEmail('endpoint');
    await auth.signUp({ name: 'Endpoint Owner', email, password: PASSWORD });
    await expect(page).toHaveURL(/\/dashboard$/);
    await auth.signOut();

    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': uniqueAddress() } });
    const csrf = await api.get('/api/auth/csrf');
    const csrfToken = csrf.ok() ? ((await csrf.json()) as { csrfToken: string }).csrfToken : '';
    for (let i = 0; i < 41; i++) {
      const response = await api.post('/api/auth/callback/credentials', {
        form: { email, password: i < 40 ? `wrong-guess-${i}` : PASSWORD, csrfToken, callbackUrl: '/dashboard' },
        maxRedirects: 0,
      });
      expect(response.status(), `guess ${i}`).toBeLessThan(500);
    }
    const session = await api.get('/api/auth/session');
    expect(await session.json()).toBeNull();
    const cookies = (await api.storageState()).cookies.filter((c) => /session-token/.test(c.name));
    expect(cookies).toEqual([]);
    await api.dispose();
  });
});
