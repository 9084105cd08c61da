import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { slugify } from '@/lib/case-study/sentences';
import type { CaseStudy } from '@/lib/case-study/types';
import { GENERATOR_VERSION, generateQuizzes, type GeneratedQuiz } from '@/lib/quizgen/generate';
import { fingerprint } from '@/lib/quizgen/random';
import { toStoredQuestion } from '@/lib/quizgen/stored';
import type { Database } from './index';
import { caseStudies, lessons, questions } from './schema';

export type StoreResult =
  | { ok: true; id: string; slug: string; changed: boolean; lessons: number; questions: number }
  | { ok: false; error: string; slugTaken?: true };

/** An article parsed and given its quizzes: the expensive half of an import, done once. */
export interface PreparedArticle {
  caseStudy: CaseStudy;
  quiz: GeneratedQuiz;
  /** Lets a re-import of an unchanged text (by the same generator) be a no-op. */
  contentHash: string;
  questionCount: number;
}

export function prepareArticle(text: string): { ok: true; article: PreparedArticle } | { ok: false; error: string } {
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) return parsed;
  const quiz = generateQuizzes(parsed.caseStudy);
  return {
    ok: true,
    article: {
      caseStudy: parsed.caseStudy,
      quiz,
      contentHash: fingerprint(`generator ${GENERATOR_VERSION}\n${text}`),
      questionCount: quiz.lessons.reduce((n, l) => n + l.questions.length, 0),
    },
  };
}

export interface StoreOptions {
  slug?: string;
  source?: string;
  status: 'draft' | 'published';
  /** Set for an instructor's import: it may only update a case study that instructor owns. */
  ownerId?: string | null;
}

/**
 * Parses an article, writes its quizzes and stores the lot. Idempotent: the same text again is a
 * no-op; a changed text updates lessons and questions in place and retires (never deletes) what
 * disappeared, so no learner's attempts are lost. Trusted code only: callers authorize first.
 */
export async function storeCaseStudy(db: Database, input: StoreOptions & { text: string }): Promise<StoreResult> {
  const prepared = prepareArticle(input.text);
  return prepared.ok ? storePreparedArticle(db, prepared.article, input) : prepared;
}

export async function storePreparedArticle(db: Database, article: PreparedArticle, input: StoreOptions): Promise<StoreResult> {
  const { caseStudy: cs, quiz, contentHash, questionCount } = article;
  const slug = input.slug ?? slugify(cs.title);

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
