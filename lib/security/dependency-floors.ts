/**
 * The lowest version of each dependency that carries the security fixes we rely on. Raise a floor
 * when an advisory lands; the test beside this file fails while an installed package is below it.
 *
 * - next 16.2.11, next-auth 5.0.0-beta.32, drizzle-orm 0.45.2: the floors named in issue 10.
 * - React Server Components (react-server-dom-webpack/-turbopack/-parcel, which Next.js also ships
 *   compiled in from the same React build as its compiled react): RCE CVE-2025-55182, fixed in
 *   19.2.1; DoS and source exposure CVE-2025-55183/55184/67779, 19.2.3; DoS CVE-2026-23864, 19.2.4;
 *   GHSA-479c-33wc-g2pg, 19.2.5; CVE-2026-44907, 19.2.8. Older 19.0/19.1 lines are not accepted.
 */
export const DEPENDENCY_FLOORS: Record<string, string> = {
  next: '16.2.11',
  'next-auth': '5.0.0-beta.32',
  'drizzle-orm': '0.45.2',
  react: '19.2.8',
  'react-dom': '19.2.8',
  'react-server-dom-webpack': '19.2.8',
  'react-server-dom-turbopack': '19.2.8',
  'react-server-dom-parcel': '19.2.8',
};

type Parsed = { core: number[]; pre: (string | number)[] };

function parse(version: string): Parsed {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version.trim());
  if (!match) throw new Error(`not a semantic version: "${version}"`);
  const pre = match[4] ? match[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre };
}

/** Semantic-version order: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i]! - y.core[i]!;
  // A release ranks above its own pre-releases.
  if (!x.pre.length || !y.pre.length) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    if (typeof p === 'number') return -1;
    if (typeof q === 'number') return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** Each installed package below its floor, as "name version < floor". */
export function belowFloor(installed: Record<string, string | undefined>, floors = DEPENDENCY_FLOORS): string[] {
  return Object.entries(floors)
    .filter(([name, floor]) => installed[name] !== undefined && compareVersions(installed[name]!, floor) < 0)
    .map(([name, floor]) => `${name} ${installed[name]} < ${floor}`);
}
