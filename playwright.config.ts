import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its browsers here: use the system Chromium when there is one.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const launchOptions = {
  ...(systemChromium ? { executablePath: systemChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

const AUTH_SECRET = 'e2e-only-secret-not-for-production-0123456789';
const postgresUrl = process.env.DATABASE_URL;
// The tests stand in for one trusted proxy: they say which address each client has (e2e/fixtures.ts).
const common = { AUTH_SECRET, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', TRUSTED_PROXY_HOPS: '1' };

/** One server per database: the same build, the same tests, on PGlite and (when set) PostgreSQL. */
// Each server mails through its own SMTP port, where e2e/accounts.spec.ts listens (e2e/fixtures.ts smtpPortFor).
const mail = (port: number) => ({ SMTP_URL: `smtp://127.0.0.1:${port - 3100 + 2525}`, APP_URL: `http://localhost:${port}` });
const servers = [
  { name: 'pglite', port: 3100, env: { ...common, ...mail(3100), DATABASE_URL: '', PGLITE_DIR: '.data/e2e-pglite' } },
  ...(postgresUrl ? [{ name: 'postgres', port: 3101, env: { ...common, ...mail(3101), DATABASE_URL: postgresUrl } }] : []),
];

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure', launchOptions },
  projects: servers.map((s) => ({
    name: s.name,
    use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${s.port}`, launchOptions },
    // Screenshots and the accessibility scan look at pages, which do not depend on the database;
    // only the administrator's page runs on PostgreSQL, where the test can make an administrator
    // with the command line (PGlite's folder is held by its server).
    ...(s.name === 'pglite' ? { grepInvert: /@postgres-only/ } : { grepInvert: /pages\.spec\.ts(?!.*@postgres-only)/ }),
  })),
  webServer: servers.map((s) => ({
    // The build is made once by `npm run test:e2e`; each server gets a fresh embedded database.
    command: s.name === 'pglite' ? `rm -rf .data/e2e-pglite && npm start -- --port ${s.port}` : `npm start -- --port ${s.port}`,
    url: `http://localhost:${s.port}/api/health`,
    env: s.env,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
