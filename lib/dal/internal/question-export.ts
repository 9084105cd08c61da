import { and, asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { caseStudies, lessons, questions } from '@/db/schema';
import type { EditableQuestion } from '@/lib/questions/editor';
import { fromStoredColumns } from '@/lib/questions/stored';

export interface CaseForExport {
  id: string;
  slug: string;
  title: string;
  lessons: { id: string; slug: string; title: string; questions: EditableQuestion[] }[];
}

/**
 * The questions learners get (enabled, live) of one case study, lesson by lesson, keys included:
 * for instructors' exports only. `where` picks the case study and says who may read it.
 */
export async function readCaseForExport(db: Database, where: SQL | undefined): Promise<CaseForExport | null> {
  const [cs] = await db.select({ id: caseStudies.id, slug: caseStudies.slug, title: caseStudies.title }).from(caseStudies).where(where);
  if (!cs) return null;
  const lessonRows = await db
    .select({ id: lessons.id, slug: lessons.slug, title: lessons.title })
    .from(lessons)
    .where(and(eq(lessons.caseStudyId, cs.id), isNull(lessons.retiredAt)))
    .orderBy(asc(lessons.position));
  const rows = await db
    .select({
      lessonId: questions.lessonId,
      intro: questions.intro,
      prompt: questions.prompt,
      explanation: questions.explanation,
      source: questions.source,
      data: questions.data,
      answerKey: questions.answerKey,
    })
    .from(questions)
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .where(and(eq(lessons.caseStudyId, cs.id), eq(questions.enabled, true), isNull(questions.retiredAt)))
    .orderBy(asc(questions.position));
  return {
    ...cs,
    lessons: lessonRows.map((l) => ({
      ...l,
      questions: rows.filter((q) => q.lessonId === l.id).flatMap((q) => fromStoredColumns(q) ?? []),
    })),
  };
}

/** An instructor may export their own case studies and the shared library (shipped, or promoted and published). */
export const exportableBy = (userId: string) =>
  or(
    eq(caseStudies.ownerId, userId),
    and(eq(caseStudies.status, 'published'), isNull(caseStudies.archivedAt), or(isNull(caseStudies.ownerId), eq(caseStudies.shared, true))),
  );

/** Operator tooling (`npm run gift -- export --case <slug>`), no session: any stored case study by its address. */
export const readCaseForExportBySlug = (db: Database, slug: string) => readCaseForExport(db, eq(caseStudies.slug, slug));
