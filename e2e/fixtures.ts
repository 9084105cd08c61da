import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { SMTPServer } from 'smtp-server';

export const SEED_CASE = 'alibaba-ai-comeback';
export const SEED_TITLE = 'Alibaba’s Wild Ride: From Beijing’s Crackdown to Ruling the AI World';

let counter = 0;
export function uniqueEmail(prefix: string) {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.test`;
}

/**
 * A made-up client address. The e2e servers declare one trusted proxy (TRUSTED_PROXY_HOPS=1) and
 * the tests play it, so each test can sign up and guess from an address of its own instead of all
 * sharing 127.0.0.1 and its sign-up and sign-in limits.
 */
export function uniqueAddress() {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

/** Page object for sign-up, sign-in and sign-out. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(user: { name: string; email: string; password: string; role?: 'Student' | 'Instructor' }) {
    await this.page.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueAddress() });
    await this.page.goto('/signup');
    await this.page.getByLabel('Name').fill(user.name);
    await this.page.getByLabel('Email').fill(user.email);
    await this.page.getByLabel('Password').fill(user.password);
    await this.page.getByRole('radio', { name: user.role ?? 'Student' }).check();
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }

  async signIn(email: string, password: string) {
    await this.page.goto('/login');
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}

/** Page object for a quiz: answers every question with the first choice or a fixed text. */
export class QuizPage {
  constructor(private readonly page: Page) {}

  questions() {
    return this.page.locator('fieldset');
  }

  async answerAll(pick: 'first' | 'last' = 'first') {
    const groups = this.questions();
    const count = await groups.count();
    for (let i = 0; i < count; i++) {
      const group = groups.nth(i);
      const choices = group.locator('input[type=radio], input[type=checkbox]');
      if (await choices.count()) {
        await (pick === 'first' ? choices.first() : choices.last()).check();
        continue;
      }
      const text = group.getByRole('textbox');
      if (await text.count()) {
        await text.fill(pick === 'first' ? '2020' : '7');
        continue;
      }
      const selects = group.getByRole('combobox');
      for (let j = 0; j < (await selects.count()); j++) await selects.nth(j).selectOption({ index: j + 1 });
    }
    return count;
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Submit answers' }).click();
  }
}

export const test = base.extend<{ auth: AuthPages; quiz: QuizPage }>({
  auth: async ({ page }, use) => use(new AuthPages(page)),
  quiz: async ({ page }, use) => use(new QuizPage(page)),
});

/**
 * Empty when the page does not scroll sideways; otherwise what sticks out past the right edge
 * outside any scrolling region of its own (or the page itself when nothing in particular does).
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    // A scrolling region clips what it lays out, but not an absolutely positioned descendant whose
    // containing block lies outside it (an sr-only label in a wide table, say).
    const clipped = (el: Element) => {
      if (getComputedStyle(el).position === 'absolute') return false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`.slice(0, 120));
    return culprits.length ? culprits : [`page is ${document.documentElement.scrollWidth}px wide`];
  });
}

/** An axe-core scan of the page as it stands: no serious or critical violation. */
export async function expectAccessible(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes[0]?.target}`),
    `${name} accessibility`,
  ).toEqual([]);
}

export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

/** Screenshots a page at phone and desktop width (for people to look at), checks it does not scroll sideways, and scans it with axe. */
export async function inspect(page: Page, name: string) {
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    const overflow = await sidewaysOverflow(page);
    expect(overflow, `${name} scrolls sideways on ${label}`).toEqual([]);
    await page.screenshot({ path: `screenshots/${label}-${name}.png`, fullPage: true });
  }
  await expectAccessible(page, name);
}

/** The SMTP port the server at this base URL mails through (playwright.config.ts gives each its own). */
export function smtpPortFor(baseURL: string) {
  return Number(new URL(baseURL).port) - 3100 + 2525;
}

export interface CaughtMail {
  to: string[];
  raw: string;
  /** The text of the message: quoted-printable soft breaks joined and escapes decoded. */
  text: string;
}

/** Undoes quoted-printable (RFC 2045), which mailers use for lines longer than 76 characters. */
const decodeQuotedPrintable = (body: string) =>
  Buffer.from(
    body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/** A real SMTP server on localhost that keeps what it receives, for tests that read the app's mail. */
export async function startMailCatcher(port: number) {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
        const body = rest.join('\n\n');
        const text = /content-transfer-encoding:\s*quoted-printable/i.test(head) ? decodeQuotedPrintable(body) : body;
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    mails,
    /** The first mail to this address, waiting for it to arrive. */
    async mailTo(address: string) {
      await expect.poll(() => mails.some((m) => m.to.includes(address)), { timeout: 20_000 }).toBe(true);
      return mails.find((m) => m.to.includes(address))!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { expect };
