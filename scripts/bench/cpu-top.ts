/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, as `npm run bench:http -- --cpu-prof <dir>`
 * writes them): where the samples fall by package or part of the app (self time), and the
 * functions with the most self and total time. Total time counts a sample once per function on its
 * stack, so recursion is not counted twice.
 *
 *   npx tsx scripts/bench/cpu-top.ts <file.cpuprofile> [--top 25] [--last <seconds>]
 *
 * --last keeps only the profile's final seconds: a server's start-up (migrations, seeding the
 * shipped articles) and the benchmark's sign-ups come first, the measured requests last.
 */
import { readFileSync } from 'node:fs';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const file = process.argv[2];
if (!file) throw new Error('usage: cpu-top.ts <file.cpuprofile> [--top N]');
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25;
const lastIndex = process.argv.indexOf('--last');
const lastUs = lastIndex > 0 ? Number(process.argv[lastIndex + 1]) * 1e6 : Infinity;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const at: number[] = [];
profile.timeDeltas.reduce((t, dt, i) => (at[i] = t + dt), 0);
const end = at[at.length - 1] ?? 0;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Which package or part of the app a frame belongs to. */
function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (pkg) {
    if (pkg[1] === 'next') {
      const compiled = /dist\/compiled\/([^/]+)/.exec(pkg[2]!);
      return compiled ? `next (compiled ${compiled[1]})` : 'next';
    }
    return pkg[1]!;
  }
  if (url.includes('/.next/server/')) return 'app bundle (.next/server)';
  return url.replace(/^file:\/\//, '');
}

const label = (n: Node) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url
    ? `${url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/\.next\//, '.next/')}:${lineNumber + 1}`
    : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};

const self = new Map<string, number>();
const areas = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, i) => {
  if (at[i]! < end - lastUs) return;
  const dt = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id)!;
  all += dt;
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  const a = area(node.callFrame.url, node.callFrame.functionName);
  areas.set(a, (areas.get(a) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + dt);
  }
});

const pct = (us: number) => `${((us / all) * 100).toFixed(1).padStart(5)}%`;
const print = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${pct(v)}  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
console.log(`${file}: ${(all / 1e6).toFixed(1)} s sampled`);
print('Self time by area', areas, 20);
print('Self time by function', self, top);
print(
  'Total time by function (excluding the event loop roots)',
  new Map([...total].filter(([k]) => !/^\((root|program|idle)\)/.test(k))),
  top,
);
