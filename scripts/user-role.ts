/**
 * npm run user:role -- <email> <student|instructor|admin>
 * Changes an account's role and ends every session the account has, so the new role applies at
 * once. The only way to make an administrator: the web offers student and instructor only.
 */
import { isRole, ROLES } from '@/lib/auth.config';
import { loadEnv } from './env';

const USAGE = `usage: npm run user:role -- <email> <${ROLES.join('|')}>`;

function fail(reason: string): never {
  console.error(`user:role: ${reason}`);
  process.exit(1);
}

const [email, role, ...rest] = process.argv.slice(2);
if (!email || !role || rest.length > 0) fail(USAGE);
if (!isRole(role)) fail(`unknown role "${role}": use ${ROLES.join(', ')}`);
if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) fail(`"${email}" is not an email address (${USAGE})`);

loadEnv(process.env.NODE_ENV !== 'production');
const { startDatabase } = await import('@/lib/dal/internal/start-database');
const { setUserRoleByEmail } = await import('@/lib/dal/internal/user-role');
const handle = await startDatabase({ seed: false, log: () => {} }).catch((error: unknown) =>
  fail(`could not open the database: ${error instanceof Error ? error.message : String(error)}`),
);
const result = await setUserRoleByEmail(handle.db, { email, role }).finally(() => handle.close());
if (!result.ok) fail(`no account with the email ${email.trim().toLowerCase()} on ${handle.kind}`);
const change = result.previous === role ? `was already ${role}` : `was ${result.previous}, now ${role}`;
console.log(`user:role: ${email.trim().toLowerCase()} ${change}; every session of that account has ended.`);
