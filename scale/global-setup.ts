import { startCluster } from './cluster';

/** Starts the two instances and nginx once for every scale test; what it returns stops them. */
export default async function globalSetup() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('npm run test:scale needs DATABASE_URL (PostgreSQL): both instances share that server.');
  const cluster = await startCluster(base);
  process.env.SCALE_BALANCED = cluster.balanced;
  process.env.SCALE_ONE = cluster.one;
  process.env.SCALE_TWO = cluster.two;
  process.env.SCALE_DATABASE_URL = cluster.databaseUrl;
  process.env.SCALE_ACCESS_LOG = cluster.accessLog;
  return () => cluster.stop();
}
