/**
 * Page throughput of a production build, as issue 12 measured it: for each page, C connections
 * (default 10) request it back to back for S seconds (default 8), and req/s, p50 and p99 are
 * reported beside the same figures for a static JavaScript chunk served by the same server in the
 * same run (the ratio is the result; absolute numbers depend on the machine and its neighbours).
 *
 *   npm run build
 *   DATABASE_URL=postgres://… npm run bench:http -- [--seconds 8] [--connections 10] [--pages lesson,quiz]
 *       [--skip-pglite] [--cpu-prof <dir>]
 *
 * It starts `next start` on a free port over a new PostgreSQL database beside DATABASE_URL's
 * (dropped after) and measures every page there; then a second server on a fresh PGlite folder for
 * the lesson page. Each connection is its own signed-in student (signed up through the form, from
 * an address of its own behind one trusted proxy). The submit posts the quiz form as a browser
 * without JavaScript does, each time with a new submission key, so every request grades and stores
 * an attempt; a request counts as an error unless it answers as the page should (200 with the
 * page's own words, or the submit's 303 to /attempts/<id>). --cpu-prof writes a V8 CPU profile of
 * each server to <dir> (open it in Chrome's DevTools, or summarise it with scripts/bench/cpu-top.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { createDatabase, startAppServer, type AppServer } from '../../test/support/app-server';
import { formBody, hiddenFields, quizAnswers, sessionCookie } from './html-forms';

const argument = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const seconds = Number(argument('seconds') ?? 8);
const connections = Number(argument('connections') ?? 10);
const only = argument('pages')?.split(',');
const cpuProfDir = argument('cpu-prof');
if (!(seconds > 0 && seconds <= 600)) throw new Error('--seconds must be between 0 and 600.');
if (!Number.isInteger(connections) || connections < 1 || connections > 200) throw new Error('--connections must be 1 to 200.');
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL (PostgreSQL): the pages are measured on PostgreSQL, the lesson also on PGlite.');

const SEED_CASE = 'alibaba-ai-comeback';
const PASSWORD = 'bench-http-password';
const run = Date.now().toString(36);

type Client = { cookie: string; address: string };
type Page = {
  name: string;
  /** One request; true when it answered as it should. */
  request: (client: Client) => Promise<boolean>;
};
type Row = {
  page: string;
  server: string;
  requests: number;
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** The server's CPU time (user + system, every process of its group) per request. */
  cpuMsPerRequest: number;
};

const CLOCK_TICKS_PER_S = 100;

/**
 * CPU time used so far by every process of a process group, in ms (Linux /proc; NaN elsewhere).
 * Unlike req/s it barely moves with what else the machine runs: on a shared machine the
 * benchmark's own client and other jobs take turns with the server, but not its CPU time.
 */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // Fields after the command name (which may hold spaces): state is field 3, pgrp 5, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return NaN;
  }
  return (ticks / CLOCK_TICKS_PER_S) * 1000;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** C connections, each with its own client, requesting back to back until the time is up. */
async function measure(name: string, server: string, pid: number, clients: Client[], request: Page['request']): Promise<Row> {
  // A short warm-up per page: the first requests compile and fill caches, not what is measured.
  await Promise.all(clients.map((c) => request(c).catch(() => false)));
  const cpuBefore = groupCpuMs(pid);
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const ok = await request(client).catch(() => false);
        times.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const cpuMs = groupCpuMs(pid) - cpuBefore;
  times.sort((a, b) => a - b);
  return {
    page: name,
    server,
    requests: times.length,
    errors,
    reqPerSec: Math.round((times.length / wall) * 10) / 10,
    p50Ms: Math.round(percentile(times, 50)),
    p99Ms: Math.round(percentile(times, 99)),
    cpuMsPerRequest: Math.round((cpuMs / times.length) * 100) / 100,
  };
}

const get = async (base: string, url: string, client: Client | null, expect: RegExp) => {
  const headers: Record<string, string> = client
    ? { 'x-forwarded-for': client.address, ...(client.cookie ? { cookie: client.cookie } : {}) }
    : {};
  const r = await fetch(base + url, { headers, redirect: 'manual' });
  const text = await r.text();
  return r.status === 200 && expect.test(text);
};

/** Signs up one student per connection, each from an address of its own. */
async function signUpClients(base: string): Promise<Client[]> {
  const fields = hiddenFields(await (await fetch(`${base}/signup`)).text(), 'Create account');
  return Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      const client: Client = { cookie: '', address: `10.77.${i >> 8}.${i & 255}` };
      const r = await fetch(`${base}/signup`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'x-forwarded-for': client.address },
        body: formBody([
          ...fields,
          ['name', `Bench Student ${i}`],
          ['email', `bench-${run}-${i}@example.test`],
          ['password', PASSWORD],
          ['role', 'student'],
        ]),
      });
      await r.arrayBuffer();
      client.cookie = sessionCookie(r) ?? '';
      if (r.status !== 303 || !client.cookie) throw new Error(`sign-up ${i} failed (${r.status})`);
      return client;
    }),
  );
}

async function pagesOf(base: string, lessonSlug: string): Promise<Page[]> {
  const lessonPath = `/cases/${SEED_CASE}/lessons/${lessonSlug}`;
  const quizPath = `${lessonPath}/quiz`;
  const login = await (await fetch(`${base}/login`)).text();
  const chunk = /<script[^>]+src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(login)?.[1];
  if (!chunk) throw new Error('no static chunk on /login');
  return [
    {
      name: 'static chunk (baseline)',
      request: async () => {
        const r = await fetch(base + chunk);
        await r.arrayBuffer();
        return r.status === 200;
      },
    },
    {
      // What Next.js costs for a response it does not render (a route prerendered at build time,
      // through the same proxy and its CSP header): the ceiling a cached page could reach.
      name: 'prerendered route (/icon.svg)',
      request: async () => {
        const r = await fetch(base + '/icon.svg');
        const text = await r.text();
        return r.status === 200 && text.includes('<svg');
      },
    },
    { name: '/login (anonymous)', request: () => get(base, '/login', null, />Sign in</) },
    { name: 'case overview', request: (c) => get(base, `/cases/${SEED_CASE}`, c, /Lesson (<!-- -->)?1/) },
    { name: 'lesson', request: (c) => get(base, lessonPath, c, /Take the quiz/) },
    { name: 'quiz', request: (c) => get(base, quizPath, c, /Submit answers/) },
    { name: 'dashboard', request: (c) => get(base, '/dashboard', c, /Hello, /) },
    {
      name: 'quiz submit (server action)',
      request: await (async () => {
        // The form as rendered once; each post carries a fresh submission key, so each one grades.
        let form: [string, string][] | null = null;
        return async (c: Client) => {
          if (!form) {
            const r = await fetch(base + quizPath, { headers: { 'x-forwarded-for': c.address, cookie: c.cookie } });
            const html = await r.text();
            form = [...hiddenFields(html, 'Submit answers'), ...quizAnswers(html)];
          }
          const fields = form.map(([k, v]): [string, string] => [k, k === 'submissionKey' ? randomUUID() : v]);
          const r = await fetch(base + quizPath, {
            method: 'POST',
            redirect: 'manual',
            // A browser sends Origin with every form post; without it Next.js logs a warning per
            // request (3 % of the submit's CPU in a profile), which no real submit pays.
            headers: { 'x-forwarded-for': c.address, cookie: c.cookie, origin: base },
            body: formBody(fields),
          });
          await r.arrayBuffer();
          return r.status === 303 && /^\/attempts\/[0-9a-f-]{36}$/.test(r.headers.get('location') ?? '');
        };
      })(),
    },
  ];
}

type Bundle = { page: string; scripts: number; bytes: number; gzipBytes: number; recharts: boolean };

/**
 * First-load JavaScript of a page as a browser gets it: every script the HTML names, summed raw
 * and gzipped, and whether any of them carries Recharts (its class names are in its code).
 */
async function firstLoadJs(base: string, page: string, url: string, client: Client): Promise<Bundle> {
  const html = await (await fetch(base + url, { headers: { 'x-forwarded-for': client.address, cookie: client.cookie } })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!))];
  let bytes = 0;
  let gzipBytes = 0;
  let recharts = false;
  for (const src of srcs) {
    const code = Buffer.from(await (await fetch(base + src)).arrayBuffer());
    bytes += code.length;
    gzipBytes += gzipSync(code).length;
    if (code.includes('recharts-wrapper')) recharts = true;
  }
  return { page, scripts: srcs.length, bytes, gzipBytes, recharts };
}

const bundles: Bundle[] = [];

async function benchServer(label: string, server: AppServer, lessonSlug: string, wanted: (name: string) => boolean): Promise<Row[]> {
  const clients = await signUpClients(server.url);
  const rows: Row[] = [];
  if (label === 'postgres') {
    const lessonPath = `/cases/${SEED_CASE}/lessons/${lessonSlug}`;
    for (const [page, url] of [
      ['/login', '/login'],
      ['case overview', `/cases/${SEED_CASE}`],
      ['lesson', lessonPath],
      ['quiz', `${lessonPath}/quiz`],
      ['dashboard', '/dashboard'],
    ] as const)
      bundles.push(await firstLoadJs(server.url, page, url, clients[0]!));
  }
  for (const page of await pagesOf(server.url, lessonSlug)) {
    if (!wanted(page.name)) continue;
    rows.push(await measure(page.name, label, server.pid, clients, page.request));
    console.error(`${label}: ${page.name} done`);
  }
  return rows;
}

const cpuProf = (name: string): string[] =>
  cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfDir)}`, `--cpu-prof-name=${name}.cpuprofile`] : [];

const rows: Row[] = [];
const database = await createDatabase(databaseUrl, 'casewise_bench_http');
let server: AppServer | undefined;
const pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'casewise-bench-pglite-'));
try {
  server = await startAppServer({ databaseUrl: database.url, nodeArgs: cpuProf('postgres') });
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  const [lesson] = await sql<{ slug: string }[]>`
    select l.slug from lessons l join case_studies c on c.id = l.case_study_id
    where c.slug = ${SEED_CASE} and l.retired_at is null order by l.position limit 1`;
  await sql.end();
  if (!lesson) throw new Error(`the seed case study ${SEED_CASE} is not in the database`);
  const wanted = (name: string) => name.startsWith('static') || !only || only.some((o) => name.includes(o));
  rows.push(...(await benchServer('postgres', server, lesson.slug, wanted)));
  await server.stop();
  server = undefined;
  if (!flag('skip-pglite')) {
    server = await startAppServer({ databaseUrl: '', env: { PGLITE_DIR: pgliteDir }, nodeArgs: cpuProf('pglite') });
    rows.push(...(await benchServer('pglite', server, lesson.slug, (n) => n.startsWith('static') || n === 'lesson')));
    await server.stop();
    server = undefined;
  }
} finally {
  await server?.stop();
  await database.drop();
  rmSync(pgliteDir, { recursive: true, force: true });
}

const baseline = new Map(rows.filter((r) => r.page.startsWith('static')).map((r) => [r.server, r]));
const table = [
  `| server | page | req/s | ratio to static | p50 | p99 | errors | server CPU per request | static's CPU ÷ page's |`,
  `|---|---|---|---|---|---|---|---|---|`,
  ...rows.map((r) => {
    const base = baseline.get(r.server)!;
    const ratio = r.reqPerSec / base.reqPerSec;
    const cpuRatio = base.cpuMsPerRequest / r.cpuMsPerRequest;
    return `| ${r.server} | ${r.page} | ${r.reqPerSec} | ${ratio.toFixed(3)}× | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.errors} | ${r.cpuMsPerRequest.toFixed(2)} ms | ${cpuRatio.toFixed(3)}× |`;
  }),
];
console.log(`${connections} connections, ${seconds} s per page, production build (next start)\n`);
console.log(table.join('\n'));
console.log('\nFirst-load JavaScript (every script the page names)\n');
console.log(
  [
    '| page | scripts | raw | gzip | recharts |',
    '|---|---|---|---|---|',
    ...bundles.map(
      (b) =>
        `| ${b.page} | ${b.scripts} | ${(b.bytes / 1024).toFixed(1)} kB | ${(b.gzipBytes / 1024).toFixed(1)} kB | ${b.recharts ? 'yes' : 'no'} |`,
    ),
  ].join('\n'),
);
console.log(
  `\n${JSON.stringify(
    rows.map((r) => ({ ...r, ratioToStatic: Math.round((r.reqPerSec / baseline.get(r.server)!.reqPerSec) * 1000) / 1000 })),
  )}`,
);
if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
