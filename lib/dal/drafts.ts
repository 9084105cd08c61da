import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { caseStudies, lessons, questions, quizDrafts } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { MAX_WRITTEN_ANSWER, OPEN_RESPONSE } from '@/lib/questions/kinds';
import { visibleTo } from './internal/visibility';
import type { DalResult } from './result';
import { requireUser } from './session';

/** The written-answer questions of a lesson the user may take; null when the lesson is not theirs to see. */
async function writtenQuestionsOf(lessonId: string) {
  const user = await requireUser();
  if (!isUuid(lessonId)) return null;
  const db = await getDb();
  const [lesson] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(and(eq(lessons.id, lessonId), isNull(lessons.retiredAt), visibleTo(user)));
  if (!lesson) return null;
  const rows = await db
    .select({ id: questions.id })
    .from(questions)
    .where(
      and(eq(questions.lessonId, lesson.id), eq(questions.type, OPEN_RESPONSE), eq(questions.enabled, true), isNull(questions.retiredAt)),
    );
  return { db, user, lessonId: lesson.id, ids: new Set(rows.map((r) => r.id)) };
}

/**
 * Keeps what a learner has written so far on a quiz's written answers, so a reload, a closed tab or
 * a lost connection never loses it. Only the lesson's own written-answer questions are kept (any
 * other field is ignored); an answer over the limit is refused whole, and the saved draft stays.
 */
export async function saveQuizDraft({
  lessonId,
  texts,
}: {
  lessonId: string;
  texts: Record<string, string>;
}): Promise<DalResult<{ savedAt: Date }, 'not_found' | 'too_long'>> {
  const found = await writtenQuestionsOf(lessonId);
  if (!found) return { ok: false, error: 'not_found' };
  const kept = Object.fromEntries(Object.entries(texts).filter(([id]) => found.ids.has(id)));
  if (!Object.keys(kept).length) return { ok: false, error: 'not_found' };
  if (Object.values(kept).some((t) => t.length > MAX_WRITTEN_ANSWER)) return { ok: false, error: 'too_long' };
  const savedAt = new Date();
  // Merged in the database, so two saves racing from two tabs keep both questions' texts.
  await found.db
    .insert(quizDrafts)
    .values({ userId: found.user.id, lessonId: found.lessonId, answers: kept, updatedAt: savedAt })
    .onConflictDoUpdate({
      target: [quizDrafts.userId, quizDrafts.lessonId],
      set: { answers: sql`${quizDrafts.answers} || excluded.answers`, updatedAt: savedAt },
    });
  return { ok: true, savedAt };
}

/** The learner's saved written answers on a quiz (question id → text), for the questions still in it. */
export async function getQuizDraft({ lessonId }: { lessonId: string }): Promise<{ texts: Record<string, string>; savedAt: Date } | null> {
  const found = await writtenQuestionsOf(lessonId);
  if (!found || !found.ids.size) return null;
  const [row] = await found.db
    .select({ answers: quizDrafts.answers, updatedAt: quizDrafts.updatedAt })
    .from(quizDrafts)
    .where(and(eq(quizDrafts.userId, found.user.id), eq(quizDrafts.lessonId, found.lessonId)));
  if (!row) return null;
  return { texts: Object.fromEntries(Object.entries(row.answers).filter(([id]) => found.ids.has(id))), savedAt: row.updatedAt };
}
