/**
 * What a burst of anonymous sign-ins does to a signed-in learner, and how many of a burst of
 * sign-ups from one address get through. Run against a production server that declares one
 * trusted proxy (this script plays it, giving each request its own address):
 *
 *   TRUSTED_PROXY_HOPS=1 AUTH_SECRET=… PGLITE_DIR=/tmp/flood npx next start --port 3250 &
 *   npx tsx scripts/bench/sign-in-flood.ts http://localhost:3250 [--parallel 32]
 *
 * Forms are posted the way a browser without JavaScript posts them (the hidden action fields of
 * the rendered page), so nothing here depends on Next.js internals beyond the HTML it serves.
 * A measurement, not a test: the figures go in the issue note.
 */
export {}; // a module, so top-level await is allowed

const base = process.argv[2] ?? 'http://localhost:3250';
const parallel = Number(process.argv[process.argv.indexOf('--parallel') + 1]) || 32;
const address = () => `10.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}`;
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

async function hiddenFields(path: string): Promise<[string, string][]> {
  const html = await (await fetch(base + path)).text();
  return [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [m[1]!, decode(m[2] ?? '')]);
}

async function postForm(path: string, fields: [string, string][], from: string) {
  const body = new FormData();
  for (const [k, v] of fields) body.append(k, v);
  return fetch(base + path, { method: 'POST', body, redirect: 'manual', headers: { 'x-forwarded-for': from } });
}

async function timeDashboard(cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/dashboard`, { headers: { cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`dashboard answered ${response.status}`);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x);

const signupFields = await hiddenFields('/signup');
const loginFields = await hiddenFields('/login');
const email = `flood-${Date.now()}@example.test`;
const signedUp = await postForm(
  '/signup',
  [...signupFields, ['name', 'Flood Learner'], ['email', email], ['password', 'flood-learner-password'], ['role', 'student']],
  address(),
);
const cookie = (signedUp.headers.getSetCookie().find((c) => c.includes('session-token')) ?? '').split(';')[0]!;
if (!cookie) throw new Error(`sign-up gave no session (status ${signedUp.status})`);

const baseline: number[] = [];
for (let i = 0; i < 10; i++) baseline.push(await timeDashboard(cookie));

let flooding = true;
const underLoad: number[] = [];
const flood = Promise.all(
  Array.from({ length: parallel }, (_, i) =>
    postForm('/login', [...loginFields, ['email', `nobody-${i}-${Date.now()}@example.test`], ['password', `guess-${i}`]], address()).then(
      (r) => r.arrayBuffer(),
    ),
  ),
).finally(() => {
  flooding = false;
});
while (flooding) underLoad.push(await timeDashboard(cookie));
await flood;

// 50 sign-ups at once from one address: how many accounts does it make?
const one = address();
const signups = await Promise.all(
  Array.from({ length: 50 }, (_, i) =>
    postForm(
      '/signup',
      [
        ...signupFields,
        ['name', `Bulk ${i}`],
        ['email', `bulk-${i}-${Date.now()}@example.test`],
        ['password', 'bulk-password-1'],
        ['role', 'student'],
      ],
      one,
    ),
  ),
);
const created = signups.filter((r) => r.headers.getSetCookie().some((c) => c.includes('session-token') && !c.includes('Max-Age=0'))).length;

console.log(
  JSON.stringify(
    {
      parallelSignIns: parallel,
      dashboardMs: {
        baselineMedian: round(median(baseline)),
        underLoadMedian: round(median(underLoad)),
        underLoadMax: round(Math.max(...underLoad)),
        samples: underLoad.length,
      },
      signUpsFromOneAddress: { attempted: 50, accountsCreated: created },
    },
    null,
    2,
  ),
);
