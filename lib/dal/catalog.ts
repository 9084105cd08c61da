import 'server-only';
import { cache } from 'react';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { attempts, caseStudies, lessons } from '@/db/schema';
import { completion, summarizeLessons } from '@/lib/progress/summarize';
import type { QuizQuestion } from './catalog-types';
import { getCaseContent } from './internal/content-cache';
import { inLibraryOf, visibleTo } from './internal/visibility';
import { requireUser, type CurrentUser } from './session';

const isSlug = (s: string) => /^[\p{L}\p{N}-]{1,80}$/u.test(s);

async function attemptsFor(userId: string, lessonIds: string[]) {
  if (!lessonIds.length) return [];
  const db = await getDb();
  return db
    .select({ lessonId: attempts.lessonId, score: attempts.score, maxScore: attempts.maxScore, submittedAt: attempts.submittedAt })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), inArray(attempts.lessonId, lessonIds)));
}

/** The library's case studies and their live lessons, in order, without progress. */
export async function listLibraryRows(user: CurrentUser) {
  const db = await getDb();
  return db
    .select({
      id: caseStudies.id,
      slug: caseStudies.slug,
      title: caseStudies.title,
      readingMinutes: caseStudies.readingMinutes,
      lesson: { id: lessons.id, slug: lessons.slug, title: lessons.title },
    })
    .from(caseStudies)
    .innerJoin(lessons, and(eq(lessons.caseStudyId, caseStudies.id), isNull(lessons.retiredAt)))
    .where(inLibraryOf(user))
    .orderBy(asc(caseStudies.title), asc(lessons.position));
}

type LibraryRow = Awaited<ReturnType<typeof listLibraryRows>>[number];

/** The library grouped by case study, with the learner's progress from their attempts (any others are ignored). */
export function libraryWithProgress(rows: LibraryRow[], mine: Parameters<typeof summarizeLessons>[1]) {
  const progress = summarizeLessons(
    rows.map((r) => r.lesson.id),
    mine,
  );
  type Entry = { id: string; slug: string; title: string; readingMinutes: number; lessons: LibraryRow['lesson'][] };
  const byCase = new Map<string, Entry>();
  for (const { lesson, ...c } of rows) {
    const entry = byCase.get(c.id) ?? { ...c, lessons: [] };
    entry.lessons.push(lesson);
    byCase.set(c.id, entry);
  }
  return [...byCase.values()].map((c) => {
    const lessonsWithProgress = c.lessons.map((l) => ({ ...l, progress: progress.get(l.id)! }));
    return { ...c, lessons: lessonsWithProgress, progress: completion(lessonsWithProgress.map((l) => l.progress)) };
  });
}

/** The library: the shared library, the user's own and their classes' case studies, with their progress. */
export async function listCaseStudies() {
  const user = await requireUser();
  const rows = await listLibraryRows(user);
  return libraryWithProgress(
    rows,
    await attemptsFor(
      user.id,
      rows.map((r) => r.lesson.id),
    ),
  );
}

/**
 * A case study's overview with the user's progress per lesson, or null if it is not theirs to see
 * (an administrator may open any published import, to read it before promoting it).
 */
export async function getCaseStudyBySlug({ slug }: { slug: string }) {
  const read = await caseStudyBySlug(slug);
  if (!read) return null;
  const { content, progress } = read;
  const withProgress = content.lessons.map((l) => ({
    id: l.id,
    slug: l.slug,
    title: l.title,
    position: l.position,
    progress: progress.get(l.id)!,
  }));
  return {
    id: content.id,
    slug: content.slug,
    title: content.title,
    introduction: content.introduction,
    takeaways: content.takeaways,
    conclusion: content.conclusion,
    readingMinutes: content.readingMinutes,
    lessons: withProgress,
    progress: completion(withProgress.map((l) => l.progress)),
  };
}

/**
 * One query per page: whether the user may see the case study, the version of its content, and
 * their attempts on its lessons. The content itself (the same for every reader) comes from the
 * per-version cache, read from the database only when this process has not seen that version.
 * Cached per request on primitive keys: a page and its generateMetadata share one read.
 */
const caseStudyBySlug = cache(async (slug: string) => {
  const user = await requireUser();
  if (!isSlug(slug)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: caseStudies.id,
      version: caseStudies.contentVersion,
      attempts: sql<unknown>`coalesce((
        select json_agg(json_build_object('lessonId', a.lesson_id, 'score', a.score, 'maxScore', a.max_score, 'submittedAt', a.submitted_at))
        from attempts a join lessons l on l.id = a.lesson_id
        where l.case_study_id = case_studies.id and a.user_id = ${user.id}
      ), '[]'::json)`,
    })
    .from(caseStudies)
    .where(and(eq(caseStudies.slug, slug), visibleTo(user)));
  if (!row) return null;
  const content = await getCaseContent(db, { id: row.id, version: row.version });
  if (!content) return null;
  const raw = (typeof row.attempts === 'string' ? JSON.parse(row.attempts) : row.attempts) as {
    lessonId: string;
    score: number;
    maxScore: number;
    submittedAt: string;
  }[];
  const progress = summarizeLessons(
    content.lessons.map((l) => l.id),
    raw.map((a) => ({ ...a, submittedAt: new Date(a.submittedAt) })),
  );
  return { content, progress };
});

/** One lesson to read, with its neighbours for navigation. */
export function getLessonBySlug({ caseSlug, lessonSlug }: { caseSlug: string; lessonSlug: string }) {
  return lessonBySlug(caseSlug, lessonSlug);
}

const lessonBySlug = cache(async (caseSlug: string, lessonSlug: string) => {
  const read = await caseStudyBySlug(caseSlug);
  if (!read || !isSlug(lessonSlug)) return null;
  const { content, progress } = read;
  const index = content.lessons.findIndex((l) => l.slug === lessonSlug);
  if (index < 0) return null;
  const lesson = content.lessons[index]!;
  const neighbour = (l: (typeof content.lessons)[number] | undefined) =>
    l ? { id: l.id, slug: l.slug, title: l.title, position: l.position, progress: progress.get(l.id)! } : null;
  return {
    caseStudy: { slug: content.slug, title: content.title },
    lesson: {
      id: lesson.id,
      slug: lesson.slug,
      title: lesson.title,
      body: lesson.body,
      keyPoints: lesson.keyPoints,
      number: index + 1,
      total: content.lessons.length,
      progress: progress.get(lesson.id)!,
    },
    previous: neighbour(content.lessons[index - 1]),
    next: neighbour(content.lessons[index + 1]),
    /** The quiz's questions, public half only (see getQuizByLesson). */
    questions: lesson.questions,
  };
});

/**
 * The questions of a lesson's quiz as a learner may see them. Only public columns are cached and
 * read: the answer key, explanation and source never leave the database before the attempt is graded.
 */
export async function getQuizByLesson({ caseSlug, lessonSlug }: { caseSlug: string; lessonSlug: string }) {
  const found = await lessonBySlug(caseSlug, lessonSlug);
  if (!found) return null;
  // Which assignment the quiz is taken for, and its limit: getQuizTerms in ./attempts.
  const questions: QuizQuestion[] = found.questions;
  return { ...found, questions };
}
