/**
 * N simulated students (default 50) against a production build on PostgreSQL, all at once, step by
 * step: sign up, sign in again, open a quiz, submit it (twice at once, as a double click would),
 * open the result. Afterwards it checks in the database that exactly the acknowledged attempts are
 * stored (none lost, none doubled, each with all its answers) and reports, per step, req/s and
 * p50/p99, and the same as ratios to GET /api/health measured in the same run at the same
 * concurrency (the project's benchmark convention: ratios, not absolute times).
 *
 *   npm run build
 *   DATABASE_URL=postgres://… npm run bench:load -- [--students 50]
 *       starts `next start` on a free port over a new database beside DATABASE_URL's (dropped after)
 *   DATABASE_URL=postgres://…/the-servers-db npm run bench:load -- --url http://host:port [--students 50]
 *       uses a running server; DATABASE_URL must be that server's database, for the final check
 *
 * Sign-up is limited per address (20 an hour) and sign-in throttled per address. The students do
 * not get around that: the script plays one trusted reverse proxy, as the e2e tests do, and the
 * server it starts declares it (TRUSTED_PROXY_HOPS=1), so each student arrives from an address of
 * their own, as a class behind a school's proxy does. A server given with --url must declare it too.
 * Forms are posted the way a browser without JavaScript posts them, so a redirect is a 303 with a
 * Location: a submit is acknowledged when it redirects to /attempts/<id>.
 */
import postgres from 'postgres';
import { createDatabase, startAppServer, type AppServer } from '../../test/support/app-server';
import { quizAnswers as answers, hiddenFields, sessionCookie } from './html-forms';

const argument = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const students = Number(argument('students') ?? 50);
if (!Number.isInteger(students) || students < 1 || students > 60_000) throw new Error('--students must be a whole number from 1 to 60000.');
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL (PostgreSQL): the load runs on PostgreSQL and its result is checked there.');

const SEED_CASE = 'alibaba-ai-comeback';
const run = Date.now().toString(36);
const PASSWORD = 'load-student-password';

type Sample = { ms: number; ok: boolean };

class Student {
  cookie = '';
  readonly email: string;
  readonly address: string;
  attemptId: string | null = null;
  answered = 0;
  constructor(readonly index: number) {
    this.email = `load-${run}-${index}@example.test`;
    // 10.200.0.0/16 and up: one address each, as a trusted proxy would report them.
    this.address = `10.${200 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`;
  }
  headers(extra: Record<string, string> = {}) {
    return { 'x-forwarded-for': this.address, ...(this.cookie ? { cookie: this.cookie } : {}), ...extra };
  }
  take(response: Response) {
    const session = sessionCookie(response);
    if (session) this.cookie = session;
  }
}

async function postForm(base: string, path: string, fields: [string, string][], headers: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of fields) body.append(k, v);
  return fetch(base + path, { method: 'POST', body, redirect: 'manual', headers });
}

/** Runs one step for every student at once; the wave's wall time gives its req/s. */
async function wave(
  name: string,
  all: Student[],
  step: (s: Student) => Promise<boolean>,
  results: Map<string, { samples: Sample[]; wallMs: number; requests: number }>,
  /** HTTP requests each student sends in this step. */
  requests = 1,
) {
  const started = performance.now();
  const samples = await Promise.all(
    all.map(async (s) => {
      const t = performance.now();
      const ok = await step(s).catch((error: unknown) => {
        console.error(`${name} #${s.index}: ${(error as Error).message}`);
        return false;
      });
      return { ms: performance.now() - t, ok };
    }),
  );
  results.set(name, { samples, wallMs: performance.now() - started, requests });
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

let server: AppServer | undefined;
let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
const givenUrl = argument('url');
try {
  let base = givenUrl?.replace(/\/$/, '');
  let checkUrl = databaseUrl;
  if (!base) {
    database = await createDatabase(databaseUrl, 'casewise_load');
    checkUrl = database.url;
    server = await startAppServer({ databaseUrl: database.url });
    base = server.url;
  }
  const all = Array.from({ length: students }, (_, i) => new Student(i));
  const results = new Map<string, { samples: Sample[]; wallMs: number; requests: number }>();

  const signupHtml = await (await fetch(`${base}/signup`)).text();
  const signupFields = hiddenFields(signupHtml, 'Create account');
  const loginFields = hiddenFields(await (await fetch(`${base}/login`)).text(), '>Sign in<');
  const sql = postgres(checkUrl, { max: 2, onnotice: () => {} });
  const [lesson] = await sql<{ slug: string }[]>`
    select l.slug from lessons l join case_studies c on c.id = l.case_study_id where c.slug = ${SEED_CASE} order by l.position limit 1`;
  if (!lesson) throw new Error(`the seed case study ${SEED_CASE} is not in the database`);
  const quizPath = `/cases/${SEED_CASE}/lessons/${lesson.slug}/quiz`;
  const quizHtml = new Map<Student, string>();

  await wave('health (baseline)', all, async () => (await fetch(`${base}/api/health`)).ok, results);
  await wave(
    'sign up',
    all,
    async (s) => {
      const r = await postForm(
        base!,
        '/signup',
        [...signupFields, ['name', `Load Student ${s.index}`], ['email', s.email], ['password', PASSWORD], ['role', 'student']],
        s.headers(),
      );
      s.take(r);
      await r.arrayBuffer();
      return r.status === 303 && Boolean(s.cookie);
    },
    results,
  );
  await wave(
    'sign in',
    all,
    async (s) => {
      s.cookie = '';
      const r = await postForm(base!, '/login', [...loginFields, ['email', s.email], ['password', PASSWORD]], s.headers());
      s.take(r);
      await r.arrayBuffer();
      return r.status === 303 && Boolean(s.cookie);
    },
    results,
  );
  await wave(
    'open quiz',
    all,
    async (s) => {
      const r = await fetch(base + quizPath, { headers: s.headers(), redirect: 'manual' });
      const html = await r.text();
      if (r.status !== 200 || !html.includes('Submit answers')) return false;
      quizHtml.set(s, html);
      return true;
    },
    results,
  );
  await wave(
    'submit (twice at once)',
    all,
    async (s) => {
      const html = quizHtml.get(s);
      if (!html) return false;
      const sheet = answers(html);
      s.answered = new Set(sheet.map(([name]) => name.split('.')[1])).size;
      const fields = [...hiddenFields(html, 'Submit answers'), ...sheet];
      const [a, b] = await Promise.all([0, 1].map(() => postForm(base!, quizPath, fields, s.headers())));
      const ids = [a!, b!].map((r) => /^\/attempts\/([0-9a-f-]{36})$/.exec(r.headers.get('location') ?? '')?.[1] ?? null);
      await Promise.all([a!.arrayBuffer(), b!.arrayBuffer()]);
      // Both answers name the same attempt, or the student is not acknowledged at all.
      if (!ids[0] || ids[0] !== ids[1]) return false;
      s.attemptId = ids[0];
      return true;
    },
    results,
    2,
  );
  await wave(
    'open result',
    all,
    async (s) => {
      if (!s.attemptId) return false;
      const r = await fetch(`${base}/attempts/${s.attemptId}`, { headers: s.headers(), redirect: 'manual' });
      return r.status === 200 && /You(<!-- -->)? scored/.test(await r.text());
    },
    results,
  );

  // Exactly the acknowledged attempts are stored: none lost, none doubled, none half-written.
  const stored = await sql<{ email: string; id: string; answers: number }[]>`
    select u.email, a.id, (select count(*)::int from answers x where x.attempt_id = a.id) as answers
    from attempts a join users u on u.id = a.user_id where u.email like ${`load-${run}-%`}`;
  await sql.end();
  const acknowledged = new Map(all.filter((s) => s.attemptId).map((s) => [s.attemptId!, s]));
  const storedIds = new Set(stored.map((r) => r.id));
  const check = {
    acknowledged: acknowledged.size,
    stored: stored.length,
    lost: [...acknowledged.keys()].filter((id) => !storedIds.has(id)).length,
    unacknowledgedButStored: stored.filter((r) => !acknowledged.has(r.id)).length,
    doubled: stored.length - new Set(stored.map((r) => r.email)).size,
    missingAnswers: stored.filter((r) => acknowledged.get(r.id) && r.answers !== acknowledged.get(r.id)!.answered).length,
  };

  const baseline = results.get('health (baseline)')!;
  const baseP50 = percentile(
    baseline.samples.map((s) => s.ms),
    50,
  );
  const baseRate = students / (baseline.wallMs / 1000);
  const steps = Object.fromEntries(
    [...results].map(([name, { samples, wallMs, requests }]) => {
      const ms = samples.map((s) => s.ms);
      const rate = (samples.length * requests) / (wallMs / 1000);
      return [
        name,
        {
          ok: samples.filter((s) => s.ok).length,
          reqPerSec: Math.round(rate * 10) / 10,
          p50Ms: Math.round(percentile(ms, 50)),
          p99Ms: Math.round(percentile(ms, 99)),
          p50xHealth: Math.round((percentile(ms, 50) / baseP50) * 10) / 10,
          reqPerSecVsHealth: Math.round((rate / baseRate) * 1000) / 1000,
        },
      ];
    }),
  );
  console.log(JSON.stringify({ students, server: givenUrl ?? 'next start (this run)', steps, check }, null, 2));
  const consistent = check.lost === 0 && check.unacknowledgedButStored === 0 && check.doubled === 0 && check.missingAnswers === 0;
  if (!consistent || check.acknowledged !== students) process.exitCode = 1;
} finally {
  await server?.stop();
  await database?.drop();
}
