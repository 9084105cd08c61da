import { expect, test, uniqueAddress, uniqueEmail } from './fixtures';

test.describe('security headers, hostile headers and hostile input', () => {
  test('every page carries a nonce-based CSP and the other security headers, and nothing on it is blocked', async ({ page, auth }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
    });
    const first = await page.goto('/login');
    const second = await page.request.get('/login');
    const csp = first!.headers()['content-security-policy']!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(second.headers()['content-security-policy']).not.toBe(csp); // a fresh nonce per request
    expect(first!.headers()['x-content-type-options']).toBe('nosniff');
    expect(first!.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const scriptNonces = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

    await auth.signUp({ name: 'Header Check', email: uniqueEmail('headers'), password: 'header-check-password' });
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole('link', { name: 'Library' }).click();
    await expect(page).toHaveURL(/\/cases$/);
    expect(violations).toEqual([]);
  });

  test('a forged X-Forwarded-Host never steers a redirect off the site', async ({ page, auth, baseURL }) => {
    const bounce = await page.request.get('/dashboard', { headers: { 'x-forwarded-host': 'evil.example' }, maxRedirects: 0 });
    expect(bounce.status()).toBe(307);
    expect(bounce.headers()['location']).not.toContain('evil.example');

    await page.setExtraHTTPHeaders({ 'x-forwarded-host': 'evil.example', 'x-forwarded-for': uniqueAddress() });
    await auth.signUp({ name: 'Host Check', email: uniqueEmail('host'), password: 'host-check-password' });
    await expect(page).toHaveURL(`${baseURL}/dashboard`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${baseURL}/login`);
  });

  test('an upload past the transport limit gets words, not a server error', async ({ page, auth }) => {
    await auth.signUp({ name: 'Huge Upload', email: uniqueEmail('huge'), password: 'huge-upload-password', role: 'Instructor' });
    await expect(page).toHaveURL(/\/dashboard$/);
    const response = await page.request.post('/teach/cases/new', {
      headers: { 'next-action': 'x'.repeat(42) },
      multipart: { file: { name: 'huge.md', mimeType: 'text/markdown', buffer: Buffer.alloc(12 * 1024 * 1024, 'a') } },
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain('at most 1 MB');
  });

  test('a name with a NUL character is refused with a message', async ({ page }) => {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueAddress() });
    await page.goto('/signup');
    await page.getByLabel('Name').fill('placeholder');
    await page.getByLabel('Name').evaluate((input) => ((input as HTMLInputElement).value = 'Zed\u0000Nul'));
    await page.getByLabel('Email').fill(uniqueEmail('nul'));
    await page.getByLabel('Password').fill('nul-name-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('control characters');
    await expect(page).toHaveURL(/\/signup$/);
  });
});
