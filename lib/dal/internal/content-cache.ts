import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { caseStudies } from '@/db/schema';
import type { ContentBlock } from '@/lib/case-study/types';
import type { QuizQuestion } from '../catalog-types';

// Internal: it reads a case study by id without asking who may see it. Callers check visibility
// first (lib/dal/catalog.ts reads the version in the same query as the check).

/** What every reader of a case study sees alike: its text, its lessons and their quiz questions' public half. */
export interface CaseContent {
  id: string;
  version: number;
  slug: string;
  title: string;
  introduction: ContentBlock[];
  takeaways: string[];
  conclusion: ContentBlock[];
  readingMinutes: number;
  lessons: {
    id: string;
    slug: string;
    title: string;
    position: number;
    body: ContentBlock[];
    keyPoints: string[];
    /** Enabled, live questions in order; never the answer key, explanation or source. */
    questions: QuizQuestion[];
  }[];
}

/** How many case studies stay in memory; the least recently read goes first. */
const MAX_ENTRIES = 64;

// On globalThis: Next.js may load this module once per bundle, and all of them must share one cache.
const globalForCache = globalThis as typeof globalThis & { __casewiseContent?: Map<string, CaseContent> };
const entries = (globalForCache.__casewiseContent ??= new Map());

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** One statement, so the case study, its lessons and questions are one consistent snapshot. */
async function loadContent(db: Pick<Database, 'select'>, id: string): Promise<CaseContent | null> {
  const [row] = await db
    .select({
      id: caseStudies.id,
      version: caseStudies.contentVersion,
      slug: caseStudies.slug,
      title: caseStudies.title,
      introduction: caseStudies.introduction,
      takeaways: caseStudies.takeaways,
      conclusion: caseStudies.conclusion,
      readingMinutes: caseStudies.readingMinutes,
      lessons: sql<unknown>`coalesce((
        select json_agg(json_build_object(
          'id', l.id, 'slug', l.slug, 'title', l.title, 'position', l.position, 'body', l.body, 'keyPoints', l.key_points,
          'questions', coalesce((
            select json_agg(json_build_object('id', q.id, 'intro', q.intro, 'prompt', q.prompt, 'data', q.data) order by q.position)
            from questions q where q.lesson_id = l.id and q.enabled and q.retired_at is null
          ), '[]'::json)
        ) order by l.position)
        from lessons l where l.case_study_id = case_studies.id and l.retired_at is null
      ), '[]'::json)`,
    })
    .from(caseStudies)
    .where(eq(caseStudies.id, id));
  if (!row) return null;
  return { ...row, lessons: json<CaseContent['lessons']>(row.lessons) };
}

/**
 * A case study's content at `version`, from memory when this process has read that version
 * before, else from the database. Any write to the case study, its lessons or questions moves the
 * version on (database triggers), so an edit made through any app instance is read fresh by every
 * instance on its next request: no invalidation message is needed.
 */
export async function getCaseContent(
  db: Pick<Database, 'select'>,
  { id, version }: { id: string; version: number },
): Promise<CaseContent | null> {
  const cached = entries.get(id);
  if (cached && cached.version === version) {
    entries.delete(id);
    entries.set(id, cached);
    return cached;
  }
  const loaded = await loadContent(db, id);
  if (!loaded) return null;
  // A newer version may have been written between the two reads: keep the newest.
  if (!cached || loaded.version >= cached.version) {
    entries.delete(id);
    entries.set(id, loaded);
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  return loaded;
}
