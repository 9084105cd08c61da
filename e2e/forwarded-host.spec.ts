import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, test, uniqueAddress, uniqueEmail } from './fixtures';

/**
 * No redirect may be steered by the Host or X-Forwarded-Host a client sends: sign-in, sign-up,
 * sign-out (posted the way a browser without JavaScript posts them, which gets a real Location
 * header), the proxy's bounce to /login, Next.js's own trailing-slash redirect, and every Auth.js
 * endpoint. Each response's Location, and its action-redirect header, must stay on this site.
 */
const EVIL = 'evil.example';
const forgeries: Record<string, string>[] = [
  { 'x-forwarded-host': EVIL },
  { host: EVIL },
  { 'x-forwarded-host': EVIL, 'x-forwarded-proto': 'https' },
];

function expectOnSite(response: APIResponse, baseURL: string, what: string) {
  const headers = response.headers();
  for (const name of ['location', 'x-action-redirect', 'refresh']) {
    const value = headers[name];
    if (!value) continue;
    const target = new URL(value.replace(/^\d+;\s*url=/i, '').split(';')[0]!, baseURL);
    expect(target.host, `${what}: ${name} ${value}`).toBe(new URL(baseURL).host);
  }
  expect(JSON.stringify(headers), what).not.toContain(EVIL);
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** The hidden fields of the form holding `button` on the page at `path` (a server action's id and state). */
async function formFields(request: APIRequestContext, path: string, button: string, headers: Record<string, string> = {}) {
  const html = await (await request.get(path, { headers })).text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(`>${button}<`));
  expect(form, `a form with "${button}" on ${path} ${JSON.stringify(headers)}`).toBeDefined();
  return [...form!.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(
    ([, k, v]) => [k!, decode(v ?? '')] as const,
  );
}

async function postForm(request: APIRequestContext, path: string, fields: (readonly [string, string])[], headers: Record<string, string>) {
  const multipart: Record<string, string> = {};
  for (const [k, v] of fields) multipart[k] = v;
  return request.post(path, { multipart, headers, maxRedirects: 0 });
}

test.describe('redirects ignore a forged Host and X-Forwarded-Host', () => {
  test('the proxy, Next.js and Auth.js never point a redirect at another host', async ({ request, baseURL }) => {
    for (const forged of forgeries) {
      const what = JSON.stringify(forged);
      const bounce = await request.get('/dashboard', { headers: forged, maxRedirects: 0 });
      expect(bounce.status(), what).toBe(307);
      expectOnSite(bounce, baseURL!, `proxy ${what}`);
      const slash = await request.get('/login/', { headers: forged, maxRedirects: 0 });
      expect(slash.status(), what).toBe(308);
      expectOnSite(slash, baseURL!, `trailing slash ${what}`);
      for (const path of [
        '/api/auth/signin',
        '/api/auth/signout',
        '/api/auth/csrf',
        '/api/auth/providers',
        '/api/auth/callback/credentials',
      ]) {
        for (const method of ['get', 'post'] as const) {
          const response = await request[method](`${path}?callbackUrl=https://${EVIL}/`, { headers: forged, maxRedirects: 0 });
          expect(response.status(), `${method} ${path} ${what}`).toBe(404);
          expectOnSite(response, baseURL!, `${method} ${path} ${what}`);
        }
      }
      const session = await request.get('/api/auth/session', { headers: forged, maxRedirects: 0 });
      expect(session.status(), what).toBe(200);
      expectOnSite(session, baseURL!, `session ${what}`);
    }
  });

  test('sign-up, sign-in and sign-out posted without JavaScript redirect to this site only', async ({ playwright, baseURL }) => {
    for (const forged of forgeries) {
      const what = JSON.stringify(forged);
      // Cookies passed by hand: the session must not depend on how a client files cookies by host.
      const request = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
      const address = { 'x-forwarded-for': uniqueAddress() };
      const email = uniqueEmail('forged-host');
      const password = 'forged-host-password';
      const signUp = await postForm(
        request,
        '/signup',
        [
          ...(await formFields(request, '/signup', 'Create account')),
          ['name', 'Forged Host'],
          ['email', email],
          ['password', password],
          ['role', 'student'],
        ],
        { ...forged, ...address },
      );
      expect(signUp.status(), `sign-up ${what}`).toBe(303);
      expectOnSite(signUp, baseURL!, `sign-up ${what}`);
      const session = { cookie: sessionCookie(signUp) };
      expect(session.cookie, `sign-up ${what} gave a session`).toMatch(/session-token=/);

      const signOutFields = await formFields(request, '/dashboard', 'Sign out', { ...forged, ...session });
      const signOut = await postForm(request, '/dashboard', signOutFields, { ...forged, ...address, ...session });
      expect(signOut.status(), `sign-out ${what}`).toBe(303);
      expectOnSite(signOut, baseURL!, `sign-out ${what}`);

      const signInFields = await formFields(request, '/login', 'Sign in');
      const signIn = await postForm(
        request,
        '/login',
        [...signInFields, ['email', email], ['password', password], ['next', `//${EVIL}/dashboard`]],
        {
          ...forged,
          ...address,
        },
      );
      expect(signIn.status(), `sign-in ${what}`).toBe(303);
      expectOnSite(signIn, baseURL!, `sign-in ${what}`);
      expect(sessionCookie(signIn), `sign-in ${what} gave a session`).toMatch(/session-token=/);
      await request.dispose();
    }
  });
});

function sessionCookie(response: APIResponse): string {
  const line = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value)
    .find((v) => /session-token=/.test(v) && !/Max-Age=0/i.test(v));
  return line?.split(';')[0] ?? '';
}
