import 'server-only';
import { cache } from 'react';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { attempts, caseStudies, lessons, questions } from '@/db/schema';
import { completion, summarizeLessons } from '@/lib/progress/summarize';
import type { QuizQuestion } from './catalog-types';
import { inLibraryOf, visibleTo } from './internal/visibility';
import { requireUser } from './session';

const isSlug = (s: string) => /^[\p{L}\p{N}-]{1,80}$/u.test(s);

async function attemptsFor(userId: string, lessonIds: string[]) {
  if (!lessonIds.length) return [];
  const db = await getDb();
  return db
    .select({ lessonId: attempts.lessonId, score: attempts.score, maxScore: attempts.maxScore, submittedAt: attempts.submittedAt })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), inArray(attempts.lessonId, lessonIds)));
}

/** The library: the shared library, the user's own and their classes' case studies, with their progress. */
export async function listCaseStudies() {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
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
  const lessonIds = rows.map((r) => r.lesson.id);
  const progress = summarizeLessons(lessonIds, await attemptsFor(user.id, lessonIds));
  type Entry = { id: string; slug: string; title: string; readingMinutes: number; lessons: (typeof rows)[number]['lesson'][] };
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

/**
 * A case study's overview with the user's progress per lesson, or null if it is not theirs to see
 * (an administrator may open any published import, to read it before promoting it).
 */
export function getCaseStudyBySlug({ slug }: { slug: string }) {
  return caseStudyBySlug(slug);
}

// Cached per request on primitive keys: a page and its generateMetadata share one read.
const caseStudyBySlug = cache(async (slug: string) => {
  const user = await requireUser();
  if (!isSlug(slug)) return null;
  const db = await getDb();
  const [cs] = await db
    .select({
      id: caseStudies.id,
      slug: caseStudies.slug,
      title: caseStudies.title,
      introduction: caseStudies.introduction,
      takeaways: caseStudies.takeaways,
      conclusion: caseStudies.conclusion,
      readingMinutes: caseStudies.readingMinutes,
    })
    .from(caseStudies)
    .where(and(eq(caseStudies.slug, slug), visibleTo(user)));
  if (!cs) return null;
  const lessonRows = await db
    .select({ id: lessons.id, slug: lessons.slug, title: lessons.title, position: lessons.position })
    .from(lessons)
    .where(and(eq(lessons.caseStudyId, cs.id), isNull(lessons.retiredAt)))
    .orderBy(asc(lessons.position));
  const progress = summarizeLessons(
    lessonRows.map((l) => l.id),
    await attemptsFor(
      user.id,
      lessonRows.map((l) => l.id),
    ),
  );
  const withProgress = lessonRows.map((l) => ({ ...l, progress: progress.get(l.id)! }));
  return { ...cs, lessons: withProgress, progress: completion(withProgress.map((l) => l.progress)) };
});

/** One lesson to read, with its neighbours for navigation. */
export function getLessonBySlug({ caseSlug, lessonSlug }: { caseSlug: string; lessonSlug: string }) {
  return lessonBySlug(caseSlug, lessonSlug);
}

const lessonBySlug = cache(async (caseSlug: string, lessonSlug: string) => {
  const cs = await caseStudyBySlug(caseSlug);
  if (!cs || !isSlug(lessonSlug)) return null;
  const index = cs.lessons.findIndex((l) => l.slug === lessonSlug);
  if (index < 0) return null;
  const db = await getDb();
  const [lesson] = await db
    .select({ id: lessons.id, slug: lessons.slug, title: lessons.title, body: lessons.body, keyPoints: lessons.keyPoints })
    .from(lessons)
    .where(eq(lessons.id, cs.lessons[index]!.id));
  if (!lesson) return null;
  return {
    caseStudy: { slug: cs.slug, title: cs.title },
    lesson: { ...lesson, number: index + 1, total: cs.lessons.length, progress: cs.lessons[index]!.progress },
    previous: cs.lessons[index - 1] ?? null,
    next: cs.lessons[index + 1] ?? null,
  };
});

/**
 * The questions of a lesson's quiz as a learner may see them. Selects only public columns: the
 * answer key, explanation and source never leave the database before the attempt is graded.
 */
export function getQuizByLesson({ caseSlug, lessonSlug }: { caseSlug: string; lessonSlug: string }) {
  return quizByLesson(caseSlug, lessonSlug);
}

const quizByLesson = cache(async (caseSlug: string, lessonSlug: string) => {
  const found = await lessonBySlug(caseSlug, lessonSlug);
  if (!found) return null;
  const db = await getDb();
  const rows: QuizQuestion[] = await db
    .select({ id: questions.id, prompt: questions.prompt, data: questions.data })
    .from(questions)
    .where(and(eq(questions.lessonId, found.lesson.id), eq(questions.enabled, true), isNull(questions.retiredAt)))
    .orderBy(asc(questions.position));
  // Which assignment the quiz is taken for, and its limit: getQuizTerms in ./attempts.
  return { ...found, questions: rows };
});
