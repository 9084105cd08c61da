import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import drizzle from 'eslint-plugin-drizzle';

// The layer rules of ARCHITECTURE.md, enforced here so a back-arrow fails `npm run lint`.
const dbMayNotImport = {
  group: ['@/lib/**', '@/app/**', '@/components/**', '../lib/**', '../app/**', '../components/**'],
  // A type from the pure core (a question's shape in a jsonb column) is fine: it runs no code.
  allowTypeImports: true,
  message: 'db/ is the schema, the client and the migrations: it imports no code from lib/, app/ or components/.',
};
const dbClient = {
  // The client, the schema and the migrator alike: outside lib/dal only their types may be used.
  regex: '^(@/|(\\.\\./)+)db(/.*)?$',
  allowTypeImports: true,
  message: 'lib/dal is the only door to the database: call a DAL function instead.',
};
const dalInternal = {
  regex: '(^@/lib/dal|/dal)/internal(/.*)?$',
  message: 'lib/dal/internal is trusted code without a session check: only the DAL, start-up and scripts call it.',
};
const appFromBelow = {
  group: ['@/app/**'],
  message: 'Imports run app/ → components/ → lib/: a page passes server actions to components as props.',
};

const config = [
  {
    ignores: ['.next/**', '.data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'screenshots/**', 'next-env.d.ts'],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [dbMayNotImport] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'proxy.ts'],
    // Tests set up their own rows and call the DAL's internals to seed.
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [dbClient, dalInternal] }] },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [dbClient, dalInternal, appFromBelow] }] },
  },
  {
    // The sign-in boundary: Auth.js's authorize() and the sign-up limit run before any session
    // exists, so they call the trusted sign-in check directly (lib/dal/internal/sign-in.ts).
    files: ['lib/auth.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [dbClient, appFromBelow] }] },
  },
  {
    files: ['lib/dal/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [appFromBelow] }] },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  prettier,
];

export default config;
