import 'server-only';
import { and, asc, count, desc, eq, isNull, like, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { caseStudies, lessons, questions } from '@/db/schema';
import { prepareArticle } from '@/lib/article-import/prepare-article';
import { slugify } from '@/lib/case-study/sentences';
import { questionNumbers } from '@/lib/questions/numbering';
import { describeKey } from '@/lib/grading/describe';
import { isUuid } from '@/lib/ids';
import { toStoredQuestion } from '@/lib/quizgen/stored';
import { questionForInstructor } from './internal/columns';
import { storePreparedArticle } from './internal/store-article';
import type { DalFailure, DalResult } from './result';
import { requireInstructor } from './session';

export type ArticlePreview = {
  title: string;
  readingMinutes: number;
  rejected: number;
  lessons: { title: string; keyPoints: string[]; questions: { type: string; prompt: string; answer: string; source: string }[] }[];
};

type ImportError = 'not_instructor' | 'unreadable';

const NOT_INSTRUCTOR: DalFailure<'not_instructor'> = { ok: false, error: 'not_instructor' };

/** Parses and writes the quizzes without storing anything: what the instructor would get. */
export async function previewArticle({ text }: { text: string }): Promise<DalResult<{ preview: ArticlePreview }, ImportError>> {
  if (!(await requireInstructor())) return NOT_INSTRUCTOR;
  const prepared = prepareArticle(text);
  if (!prepared.ok) return prepared;
  const { caseStudy, quiz } = prepared.article;
  const lessonsOut = caseStudy.sections.map((s, i) => ({
    title: s.title,
    keyPoints: s.keyPoints,
    questions: (quiz.lessons[i]?.questions ?? []).map((q) => {
      const stored = toStoredQuestion(q);
      return { type: q.type, prompt: q.prompt, answer: describeKey(stored.data, stored.answerKey), source: q.source };
    }),
  }));
  return {
    ok: true,
    preview: { title: caseStudy.title, readingMinutes: caseStudy.readingMinutes, rejected: quiz.rejected.length, lessons: lessonsOut },
  };
}

/**
 * Stores an article as a draft owned by the instructor. An article the generator writes no question
 * for is stored too: the generator asks only what it can key with confidence (v13 writes none for
 * about one article in five), and the lessons are worth reading with the instructor's own questions.
 * Re-importing the same title updates their own draft in place (keeping their edits); a title someone
 * else already uses gets a new address.
 */
export async function importCaseStudy({
  text,
  source,
}: {
  text: string;
  source: string | null;
}): Promise<DalResult<{ id: string }, ImportError | 'title_taken'>> {
  const user = await requireInstructor();
  if (!user) return NOT_INSTRUCTOR;
  const prepared = prepareArticle(text);
  if (!prepared.ok) return prepared;
  const db = await getDb();
  const base = slugify(prepared.article.caseStudy.title) || 'case-study';
  // A lost race for a free address (another import of the same title in the same moment) tries again.
  for (let tries = 0; tries < 5; tries++) {
    const slug = await addressFor(base, prepared.article.caseStudy.title, user.id);
    const stored = await storePreparedArticle(db, prepared.article, {
      slug,
      source: source ?? undefined,
      status: 'draft',
      ownerId: user.id,
    });
    if (stored.ok) return { ok: true, id: stored.id };
  }
  return { ok: false, error: 'title_taken' };
}

/**
 * Where an instructor's import of a title goes: their own earlier import of that title (updated in
 * place), else the first of `base`, `base-2`, `base-3` … that nobody holds, however many share it.
 * Their case study titled "… 2" has the address `base-2` too, but is another article: never updated.
 */
async function addressFor(base: string, title: string, ownerId: string): Promise<string> {
  const db = await getDb();
  const rows = await db
    .select({ slug: caseStudies.slug, ownerId: caseStudies.ownerId, title: caseStudies.title })
    .from(caseStudies)
    .where(or(eq(caseStudies.slug, base), like(caseStudies.slug, `${base}-%`)));
  const numberOf = (slug: string) => (slug === base ? 1 : /^-([1-9][0-9]{0,8})$/.exec(slug.slice(base.length))?.[1]);
  const held = new Set<number>();
  let own: number | undefined;
  for (const row of rows) {
    const n = Number(numberOf(row.slug));
    if (!n) continue;
    held.add(n);
    if (row.ownerId === ownerId && row.title === title && (own === undefined || n < own)) own = n;
  }
  let n = own ?? 1;
  if (own === undefined) while (held.has(n)) n++;
  return n === 1 ? base : `${base}-${n}`;
}

export async function listMyCaseStudies() {
  const user = await requireInstructor();
  if (!user) return null;
  const db = await getDb();
  return db
    .select({
      id: caseStudies.id,
      slug: caseStudies.slug,
      title: caseStudies.title,
      status: caseStudies.status,
      archivedAt: caseStudies.archivedAt,
      updatedAt: caseStudies.updatedAt,
    })
    .from(caseStudies)
    .where(eq(caseStudies.ownerId, user.id))
    .orderBy(desc(caseStudies.updatedAt));
}

/** The case study, only for the instructor who imported it. */
async function ownedCaseStudy(id: string) {
  const user = await requireInstructor();
  if (!user || !isUuid(id)) return null;
  const db = await getDb();
  const [cs] = await db
    .select({
      id: caseStudies.id,
      slug: caseStudies.slug,
      title: caseStudies.title,
      status: caseStudies.status,
      archivedAt: caseStudies.archivedAt,
      source: caseStudies.source,
    })
    .from(caseStudies)
    .where(and(eq(caseStudies.id, id), eq(caseStudies.ownerId, user.id)));
  return cs ? { db, user, cs } : null;
}

/** Everything an instructor reviews before publishing: every question with its key and source. */
export async function getCaseStudyForReview({ id }: { id: string }) {
  const owned = await ownedCaseStudy(id);
  if (!owned) return null;
  const { db, cs } = owned;
  const lessonRows = await db
    .select({ id: lessons.id, slug: lessons.slug, title: lessons.title, keyPoints: lessons.keyPoints })
    .from(lessons)
    .where(and(eq(lessons.caseStudyId, cs.id), isNull(lessons.retiredAt)))
    .orderBy(asc(lessons.position));
  const questionRows = await db
    .select({ ...questionForInstructor, lessonId: questions.lessonId, authored: questions.authored, editedAt: questions.editedAt })
    .from(questions)
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .where(and(eq(lessons.caseStudyId, cs.id), isNull(questions.retiredAt)))
    .orderBy(asc(questions.position));
  return {
    ...cs,
    lessons: lessonRows.map((l) => {
      const mine = questionRows.filter((q) => q.lessonId === l.id);
      const numbers = questionNumbers(mine.map((q) => ({ itemId: q.id, retired: false })));
      return {
        ...l,
        questions: mine.map(({ answerKey, lessonId: _lessonId, ...q }) => ({
          ...q,
          /** Within the lesson, as item analysis numbers it. */
          number: numbers.get(q.id)!,
          options: q.data.type === 'single_choice' || q.data.type === 'multiple_choice' ? q.data.options : null,
          keyIndices:
            answerKey.type === 'single_choice' ? [answerKey.answer] : answerKey.type === 'multiple_choice' ? answerKey.answer : [],
          answer: describeKey(q.data, answerKey),
          /** Open response: the rubric the answers are graded with. */
          rubric: answerKey.type === 'open_response' ? answerKey.rubric : null,
        })),
      };
    }),
  };
}

export async function publishCaseStudy({ id }: { id: string }): Promise<DalResult<object, 'not_found' | 'no_questions'>> {
  const owned = await ownedCaseStudy(id);
  if (!owned) return { ok: false, error: 'not_found' };
  const [enabled] = await owned.db
    .select({ n: count() })
    .from(questions)
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .where(and(eq(lessons.caseStudyId, owned.cs.id), eq(questions.enabled, true), isNull(questions.retiredAt), isNull(lessons.retiredAt)));
  if (!enabled?.n) return { ok: false, error: 'no_questions' };
  await owned.db.update(caseStudies).set({ status: 'published', updatedAt: new Date() }).where(eq(caseStudies.id, owned.cs.id));
  return { ok: true };
}
