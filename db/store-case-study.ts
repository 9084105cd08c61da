/* eslint-disable @typescript-eslint/no-restricted-imports -- the one known exception, listed in ARCHITECTURE.md */
// Temporary forwarder. Storing an article moved to lib/dal/internal/store-article.ts (db/ imports no
// code from lib/), and db/ no longer reads the environment. scripts/import.ts, which its owner is
// rewriting, still imports this path and calls openDatabase() with no options: importing this file
// configures the database from lib/env.ts for it. Delete this file when the CLI calls
// lib/dal/internal/start-database.ts and store-article.ts directly.
import { databaseOptions, serverEnv } from '@/lib/env';
import { configureDatabase } from './index';

configureDatabase(databaseOptions(serverEnv()));

export { storeCaseStudy } from '@/lib/dal/internal/store-article';
