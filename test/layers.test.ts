import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules live in eslint.config.mjs; these cases prove that they fire, so a config change
// that silently drops one fails here and not months later in review.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import direction (eslint.config.mjs)', () => {
  it.each([
    [
      'db/ importing the parser',
      'db/example.ts',
      "import { parseCaseStudy } from '@/lib/case-study/parse';\nexport const p = parseCaseStudy;\n",
      /db\/ is the schema/,
    ],
    [
      'db/ importing a route',
      'db/example.ts',
      "import { GET } from '../app/api/health/route';\nexport const g = GET;\n",
      /db\/ is the schema/,
    ],
    [
      'a page importing the db client',
      'app/example/page.tsx',
      "import { getDb } from '@/db';\nexport const g = getDb;\n",
      /only door to the database/,
    ],
    [
      'a component importing the schema',
      'components/example.tsx',
      "import { users } from '@/db/schema';\nexport const u = users;\n",
      /only door to the database/,
    ],
    [
      'pure lib code importing the db client',
      'lib/progress/example.ts',
      "import { getDatabase } from '../../db/index';\nexport const g = getDatabase;\n",
      /only door to the database/,
    ],
    [
      'a page calling DAL internals',
      'app/example/page.tsx',
      "import { seedContent } from '@/lib/dal/internal/seed-content';\nexport const s = seedContent;\n",
      /lib\/dal\/internal/,
    ],
    [
      'lib/ code other than the sign-in boundary calling DAL internals',
      'lib/action.ts',
      "import { checkSignIn } from './dal/internal/sign-in';\nexport const c = checkSignIn;\n",
      /lib\/dal\/internal/,
    ],
    [
      'a component importing a server action',
      'components/example.tsx',
      "import { submitQuizAction } from '@/app/(learn)/actions';\nexport const a = submitQuizAction;\n",
      /passes server actions/,
    ],
  ])('refuses %s', async (_, filePath, code, message) => {
    expect(await restrictedImports(filePath, code)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    [
      'db/ importing a type of the pure core',
      'db/example.ts',
      "import type { AnswerKey } from '@/lib/quizgen/types';\nexport type K = AnswerKey;\n",
    ],
    [
      'the sign-in boundary calling the trusted password check',
      'lib/auth.ts',
      "import { checkSignIn } from './dal/internal/sign-in';\nexport const c = checkSignIn;\n",
    ],
    ['the DAL importing the db client', 'lib/dal/example.ts', "import { getDb } from '@/db';\nexport const g = getDb;\n"],
    [
      'a component importing a DAL type',
      'components/example.tsx',
      "import type { ArticlePreview } from '@/lib/dal/authoring';\nexport type P = ArticlePreview;\n",
    ],
  ])('allows %s', async (_, filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
