/**
 * What a PostgreSQL outage looks like from outside: a production server (`npm run build` first) on
 * a port of its own talks to PostgreSQL through a TCP relay this script controls, so the database
 * can "go down" (connections refused and cut), "hang" (connections accepted, nothing answered) and
 * come back, without touching the real server. Reports how long /api/health takes to answer in
 * each state and how long the app needs to recover. A measurement, not a test: numbers go in the
 * issue note.
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/bench/db-outage.ts [--port 3250]
 */
import { spawn } from 'node:child_process';
import net from 'node:net';

const target = new URL(process.env.DATABASE_URL ?? '');
if (!target.hostname) throw new Error('Set DATABASE_URL to the PostgreSQL server to relay to.');
const appPort = Number(process.argv[process.argv.indexOf('--port') + 1]) || 3250;

type Mode = 'up' | 'down' | 'hang';
let mode: Mode = 'up';
const open = new Set<net.Socket>();

const relay = net.createServer((client) => {
  open.add(client);
  client.on('close', () => open.delete(client));
  if (mode === 'down') return client.destroy();
  if (mode === 'hang') return; // accepted, never answered
  const upstream = net.connect(Number(target.port || 5432), target.hostname);
  open.add(upstream);
  upstream.on('close', () => open.delete(upstream));
  client.pipe(upstream).pipe(client);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
});
await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
const relayPort = (relay.address() as net.AddressInfo).port;

const relayed = new URL(target);
relayed.hostname = '127.0.0.1';
relayed.port = String(relayPort);
const server = spawn('npx', ['next', 'start', '--port', String(appPort)], {
  env: {
    ...process.env,
    DATABASE_URL: relayed.toString(),
    NODE_ENV: 'production',
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-only-secret-0123456789abcdef0123',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});

async function health(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${appPort}/api/health`, { signal: AbortSignal.timeout(60_000) });
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

function setMode(next: Mode) {
  mode = next;
  if (next !== 'up') for (const socket of open) socket.destroy();
}

try {
  for (let i = 0; i < 120 && (await health()).status !== 200; i++) await new Promise((r) => setTimeout(r, 1000));
  const report: Record<string, unknown> = { up: await health() };
  setMode('down');
  report.down = [await health(), await health(), await health()];
  setMode('hang');
  report.hang = [await health(), await health()];
  setMode('up');
  const back = performance.now();
  let recovered = await health();
  while (recovered.status !== 200 && performance.now() - back < 60_000) recovered = await health();
  report.recoveredAfterMs = Math.round(performance.now() - back);
  report.afterRecovery = await health();
  console.log(JSON.stringify(report, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v), 2));
} finally {
  process.kill(-server.pid!, 'SIGTERM');
  relay.close();
  for (const socket of open) socket.destroy();
}
