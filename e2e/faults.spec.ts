import type { Browser, Page, Request } from '@playwright/test';
import postgres from 'postgres';
import { createDatabase, startAppServer, type AppServer } from '../test/support/app-server';
import { startDbRelay, type DbRelay } from '../test/support/db-relay';
import { AuthPages, expect, QuizPage, SEED_CASE, test, uniqueAddress, uniqueEmail } from './fixtures';

/**
 * Faults between the app and PostgreSQL (testing.md, "Faults"), on a production server of its own
 * whose database connections run through a relay this file controls: a connection killed in the
 * middle of a submit, and the database stopping and starting again. PostgreSQL only: PGlite runs
 * inside the app's process and has no connection to lose.
 */
const baseUrl = process.env.DATABASE_URL;

// Tagged @postgres-only: playwright.config.ts schedules it only in the PostgreSQL project, which
// exists when DATABASE_URL is set (as in CI), so it is never started and then skipped.
test.describe('database faults (PostgreSQL only)', { tag: '@postgres-only' }, () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let relay: DbRelay;
  let server: AppServer;
  let sql: postgres.Sql;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    database = await createDatabase(baseUrl!, 'casewise_faults');
    relay = await startDbRelay(database.url);
    server = await startAppServer({ databaseUrl: relay.url });
    // The test's own connection goes straight to PostgreSQL, around the relay.
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
  });

  test.afterAll(async () => {
    await server?.stop();
    await relay?.close();
    await sql?.end();
    await database?.drop();
  });

  /** A signed-in learner on their own page and address, at a quiz with every question answered. */
  async function learnerAtQuiz(browser: Browser, lessonSlug: string) {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const email = uniqueEmail('fault');
    await new AuthPages(page).signUp({ name: 'Fault Learner', email, password: 'fault-learner-password' });
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueAddress() });
    await page.goto(`/cases/${SEED_CASE}/lessons/${lessonSlug}/quiz`);
    const answered = await new QuizPage(page).answerAll();
    expect(answered).toBeGreaterThan(0);
    return { page, email, answered, close: () => context.close() };
  }

  async function lessonSlugs(): Promise<string[]> {
    const rows = await sql<{ slug: string }[]>`
      select l.slug from lessons l join case_studies c on c.id = l.case_study_id
      where c.slug = ${SEED_CASE} order by l.position`;
    return rows.map((r) => r.slug);
  }

  async function storedAttempts(email: string) {
    return sql<{ id: string; lessonSlug: string; answers: number }[]>`
      select a.id, l.slug as "lessonSlug", (select count(*)::int from answers x where x.attempt_id = a.id) as answers
      from attempts a join users u on u.id = a.user_id join lessons l on l.id = a.lesson_id
      where u.email = ${email} order by a.submitted_at`;
  }

  /** Server-action POSTs and their statuses, and the last one's request, to send it again. */
  function watchSubmits(page: Page) {
    const statuses: number[] = [];
    let last: Request | undefined;
    page.on('response', (response) => {
      if (response.request().method() === 'POST') {
        statuses.push(response.status());
        last = response.request();
      }
    });
    return { statuses, last: () => last! };
  }

  const submit = (page: Page) => page.getByRole('button', { name: 'Submit answers' }).click();
  const alert = (page: Page) => page.getByRole('main').getByRole('alert');

  test('a connection killed mid-submit: a clear message, nothing half-stored, and the same form stores one attempt however often it is sent', async ({
    browser,
  }) => {
    const [lesson] = await lessonSlugs();
    const learner = await learnerAtQuiz(browser, lesson!);
    const { page } = learner;
    const submits = watchSubmits(page);

    // Hold the learner's row: the submit's transaction waits on it, so it is surely mid-submit
    // when its connection is killed.
    const held = await sql.reserve();
    await held`begin`;
    await held`select id from users where email = ${learner.email} for update`;
    const [{ pid: holder } = { pid: 0 }] = await held<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await submit(page);
    let victim: number | undefined;
    await expect
      .poll(async () => {
        const [row] = await sql<{ pid: number }[]>`
          select pid from pg_stat_activity
          where datname = ${database.name} and wait_event_type = 'Lock' and pid <> ${holder}`;
        victim = row?.pid;
        return victim;
      })
      .toBeDefined();
    await sql`select pg_terminate_backend(${victim!})`;
    await held`rollback`;
    held.release();

    await expect(alert(page)).toHaveText(/database did not answer/);
    await expect(page).toHaveURL(/\/quiz$/);
    expect(submits.statuses.filter((s) => s >= 500)).toEqual([]);
    expect(await storedAttempts(learner.email)).toEqual([]);

    // The answers are still on the form; sending it again stores the attempt, once.
    await submit(page);
    await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
    const stored = await storedAttempts(learner.email);
    expect(stored).toEqual([{ id: page.url().split('/').pop(), lessonSlug: lesson, answers: learner.answered }]);

    // The very same request once more (a double click, a retry): the first grade stands.
    const again = submits.last();
    const replay = await page.request.fetch(again.url(), {
      method: 'POST',
      headers: await again.allHeaders(),
      data: again.postDataBuffer()!,
      maxRedirects: 0,
    });
    expect(replay.status()).toBeLessThan(500);
    expect(await storedAttempts(learner.email)).toEqual(stored);
    expect(submits.statuses.filter((s) => s >= 500)).toEqual([]);
    await learner.close();
  });

  test('PostgreSQL stopped and started again: health says 503, the learner gets words, the app recovers by itself, nothing acknowledged is lost', async ({
    browser,
    request,
  }) => {
    const [first, second] = await lessonSlugs();
    const learner = await learnerAtQuiz(browser, first!);
    const { page } = learner;
    const submits = watchSubmits(page);
    await submit(page);
    await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
    const acknowledged = page.url().split('/').pop();
    await page.goto(`/cases/${SEED_CASE}/lessons/${second}/quiz`);
    await new QuizPage(page).answerAll();

    relay.setMode('down');
    const health = await request.get(`${server.url}/api/health`, { timeout: 10_000 });
    expect(health.status()).toBe(503);
    await submit(page);
    await expect(alert(page)).toHaveText(/database did not answer/);
    await expect(page).toHaveURL(/\/quiz$/);

    // Accepted but never answered, as a server that hangs: health still answers, with a 503.
    relay.setMode('hang');
    expect((await request.get(`${server.url}/api/health`, { timeout: 10_000 })).status()).toBe(503);

    relay.setMode('up');
    await expect.poll(async () => (await request.get(`${server.url}/api/health`)).status(), { timeout: 30_000 }).toBe(200);
    // Still signed in, and the form kept its answers: sending it again stores the attempt.
    await submit(page);
    await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
    const after = page.url().split('/').pop();
    expect(submits.statuses.filter((s) => s >= 500)).toEqual([]);

    const stored = await storedAttempts(learner.email);
    expect(stored.map((a) => a.id)).toEqual([acknowledged, after]);
    expect(stored.map((a) => a.lessonSlug)).toEqual([first, second]);
    await page.goto(`/attempts/${acknowledged}`);
    await expect(page.getByRole('heading', { level: 1, name: /You scored [\d.]+ of \d+/ })).toBeVisible();
    await learner.close();
  });
});
