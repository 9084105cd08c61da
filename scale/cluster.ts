import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, startAppServer, type AppServer } from '../test/support/app-server';

/**
 * Two production instances of the app on one fresh PostgreSQL database, behind Debian's nginx on
 * loopback ports the operating system hands out (never the e2e servers' 3100/3101). nginx listens
 * three times: round robin over both instances (what users reach), and once per instance, so a
 * test can act through one and look through the other.
 */
export interface Cluster {
  /** nginx, round robin over both instances. */
  balanced: string;
  /** nginx, to instance one only / to instance two only. */
  one: string;
  two: string;
  databaseUrl: string;
  /** Which instances served the balanced listener's requests, from nginx's log. */
  accessLog: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const nginxConfig = (dir: string, ports: { balanced: number; one: number; two: number }, apps: string[]) => `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format upstream '$upstream_addr $status $request_method $uri';
  access_log off;
  client_max_body_size 12m;
  upstream both { server ${apps[0]}; server ${apps[1]}; keepalive 16; }
  upstream one { server ${apps[0]}; keepalive 8; }
  upstream two { server ${apps[1]}; keepalive 8; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host $http_host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto $scheme;
  server { listen 127.0.0.1:${ports.balanced}; access_log ${dir}/access.log upstream; location / { proxy_pass http://both; } }
  server { listen 127.0.0.1:${ports.one}; location / { proxy_pass http://one; } }
  server { listen 127.0.0.1:${ports.two}; location / { proxy_pass http://two; } }
}
`;

export async function startCluster(baseDatabaseUrl: string): Promise<Cluster> {
  const database = await createDatabase(baseDatabaseUrl, 'casewise_scale');
  const servers: AppServer[] = [];
  let nginx: ChildProcess | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casewise-scale-'));
  // nginx's workers drop root for "nobody", who must write its temp folders.
  chmodSync(dir, 0o777);
  const stop = async () => {
    if (nginx?.pid && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    for (const s of servers) await s.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // One after the other: the first migrates and seeds, the second finds it done. Two trusted
    // proxies: the test (playing a school's proxy, one address per student) and nginx.
    for (let i = 0; i < 2; i++) servers.push(await startAppServer({ databaseUrl: database.url, env: { TRUSTED_PROXY_HOPS: '2' } }));
    const ports = { balanced: await freePort(), one: await freePort(), two: await freePort() };
    const apps = servers.map((s) => new URL(s.url).host);
    writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir, ports, apps));
    let stderr = '';
    nginx = spawn(existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    nginx.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const balanced = `http://127.0.0.1:${ports.balanced}`;
    for (let i = 0; ; i++) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}): ${stderr}`);
      const ok = await fetch(`${balanced}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 50) throw new Error(`nginx did not answer: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return {
      balanced,
      one: `http://127.0.0.1:${ports.one}`,
      two: `http://127.0.0.1:${ports.two}`,
      databaseUrl: database.url,
      accessLog: path.join(dir, 'access.log'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
