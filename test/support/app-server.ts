import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';

/**
 * A production server (`next start` over the build in .next) on a free port, for the fault tests
 * and the load benchmark. It declares one trusted proxy, which the callers play: each simulated
 * client sends its own X-Forwarded-For, as students behind a school's proxy would arrive.
 */
export interface AppServer {
  url: string;
  /** The server's process group (it is started detached): benchmarks read its CPU time. */
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startAppServer(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  /** Flags for node itself (say --cpu-prof), which NODE_OPTIONS may not carry. */
  nodeArgs?: string[];
}): Promise<AppServer> {
  const port = await freePort();
  const root = path.resolve(import.meta.dirname, '../..');
  const next = path.join(root, 'node_modules/next/dist/bin/next');
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), next, 'start', '--port', String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_SECRET: 'test-only-secret-not-for-production-0123456789',
      TRUSTED_PROXY_HOPS: '1',
      ...options.env,
      DATABASE_URL: options.databaseUrl,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await exited;
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${stderr}`);
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`next start did not become healthy: ${stderr}`);
}

/** A new, empty PostgreSQL database beside `baseUrl`'s (the role needs CREATEDB); drop() removes it. */
export async function createDatabase(baseUrl: string, prefix: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const cleanup = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
