import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { slugify } from '@/lib/case-study/sentences';
import { GENERATOR_VERSION, generateQuizzes } from '@/lib/quizgen/generate';
import { fingerprint } from '@/lib/quizgen/random';
import { toStoredQuestion } from '@/lib/quizgen/stored';
import type { Database } from './index';
import { caseStudies, lessons, questions } from './schema';

export type StoreResult =
  | { ok: true; id: string; slug: string; changed: boolean; lessons: number; questions: number }
  | { ok: false; error: string; slugTaken?: true };

/**
 * Parses an article, writes its quizzes and stores the lot. Idempotent: the same text again is a
 * no-op; a changed text updates lessons and questions in place and retires (never deletes) what
 * disappeared, so no learner's attempts are lost. Trusted code only: callers authorize first.
 */
export async function storeCaseStudy(
  db: Database,
  input: { text: string; slug?: string; source?: string; status: 'draft' | 'published'; ownerId?: string | null },
): Promise<StoreResult> {
  const parsed = parseCaseStudy(input.text);
  if (!parsed.ok) return parsed;
  const cs = parsed.caseStudy;
  const quiz = generateQuizzes(cs);
  const slug = input.slug ?? slugify(cs.title);
  const contentHash = fingerprint(`generator ${GENERATOR_VERSION}\n${input.text}`);
  const questionCount = quiz.lessons.reduce((n, l) => n + l.questions.length, 0);

  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(caseStudies).where(eq(caseStudies.slug, slug)).for('update');
    // An instructor's import never takes over a case study that someone else owns (or the shipped one).
    if (existing && input.ownerId !== undefined && existing.ownerId !== input.ownerId) {
      return { ok: false, error: `The address /cases/${slug} is taken.`, slugTaken: true };
    }
    if (existing && existing.contentHash === contentHash) {
      return { ok: true, id: existing.id, slug, changed: false, lessons: cs.sections.length, questions: questionCount };
    }
    const values = {
      slug,
      title: cs.title,
      source: input.source ?? null,
      introduction: cs.introduction,
      conclusion: cs.conclusion,
      takeaways: cs.takeaways,
      readingMinutes: cs.readingMinutes,
      contentHash,
      // Publishing is one-way: re-importing a published case study does not hide it from learners.
      status: existing?.status === 'published' ? ('published' as const) : input.status,
      ownerId: input.ownerId ?? null,
    };
    const [row] = existing
      ? await tx.update(caseStudies).set({ ...values, updatedAt: new Date() }).where(eq(caseStudies.id, existing.id)).returning()
      : await tx.insert(caseStudies).values(values).returning();
    const caseStudyId = row!.id;

    const lessonIds: string[] = [];
    for (const [position, section] of cs.sections.entries()) {
      const [lesson] = await tx
        .insert(lessons)
        .values({ caseStudyId, position, slug: section.slug, title: section.title, body: section.blocks, keyPoints: section.keyPoints })
        .onConflictDoUpdate({
          target: [lessons.caseStudyId, lessons.slug],
          set: { position, title: section.title, body: section.blocks, keyPoints: section.keyPoints, retiredAt: null },
        })
        .returning({ id: lessons.id });
      lessonIds.push(lesson!.id);

      const stored = quiz.lessons[position]!.questions.map(toStoredQuestion);
      for (const [qPosition, q] of stored.entries()) {
        await tx
          .insert(questions)
          .values({ lessonId: lesson!.id, position: qPosition, ...q })
          .onConflictDoUpdate({
            target: [questions.lessonId, questions.fingerprint],
            set: { position: qPosition, retiredAt: null },
          });
      }
      await tx
        .update(questions)
        .set({ retiredAt: sql`now()` })
        .where(
          and(
            eq(questions.lessonId, lesson!.id),
            isNull(questions.retiredAt),
            eq(questions.authored, false),
            stored.length ? notInArray(questions.fingerprint, stored.map((q) => q.fingerprint)) : undefined,
          ),
        );
    }
    await tx
      .update(lessons)
      .set({ retiredAt: sql`now()` })
      .where(and(eq(lessons.caseStudyId, caseStudyId), isNull(lessons.retiredAt), notInArray(lessons.id, lessonIds)));

    return { ok: true, id: caseStudyId, slug, changed: true, lessons: cs.sections.length, questions: questionCount };
  });
}
