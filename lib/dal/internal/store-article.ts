import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { caseStudies, lessons, questions } from '@/db/schema';
import { prepareArticle, type PreparedArticle } from '@/lib/article-import/prepare-article';
import { slugify } from '@/lib/case-study/sentences';
import { generateQuizzes } from '@/lib/quizgen/generate';
import { toStoredQuestion } from '@/lib/quizgen/stored';
import type { DalResult } from '../result';

type Stored = { id: string; slug: string; changed: boolean; lessons: number; questions: number };
export type StoreResult = DalResult<Stored, 'unreadable' | 'slug_taken'>;

interface StoreOptions {
  slug?: string;
  source?: string;
  status: 'draft' | 'published';
  /** Set for an instructor's import: it may only update a case study that instructor owns. */
  ownerId?: string | null;
}

async function liveFingerprints(tx: Pick<Database, 'select'>, caseStudyId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ fingerprint: questions.fingerprint })
    .from(questions)
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .where(and(eq(lessons.caseStudyId, caseStudyId), isNull(questions.retiredAt), eq(questions.authored, false)));
  return new Set(rows.map((r) => r.fingerprint));
}

/** Parses, generates and stores an article in one call: what the seed and the CLI do. */
export async function storeCaseStudy(db: Database, input: StoreOptions & { text: string }): Promise<StoreResult> {
  const prepared = prepareArticle(input.text);
  return prepared.ok ? storePreparedArticle(db, prepared.article, input) : prepared;
}

/**
 * Stores a prepared article. Idempotent: the same text again is a no-op; a changed text updates
 * lessons and questions in place and retires (never deletes) what disappeared, so no learner's
 * attempts are lost. Internal: no session check, so callers (the DAL, start-up, the CLI) authorize first.
 */
export async function storePreparedArticle(
  db: Database,
  article: PreparedArticle,
  input: StoreOptions,
): Promise<DalResult<Stored, 'slug_taken'>> {
  const { caseStudy: cs, contentHash } = article;
  const slug = input.slug ?? slugify(cs.title);

  return db.transaction(async (tx): Promise<DalResult<Stored, 'slug_taken'>> => {
    const [existing] = await tx.select().from(caseStudies).where(eq(caseStudies.slug, slug)).for('update');
    // An instructor's import never takes over a case study that someone else owns (or the shipped one).
    if (existing && input.ownerId !== undefined && existing.ownerId !== input.ownerId) {
      return { ok: false, error: 'slug_taken', message: `The address /cases/${slug} is taken.` };
    }
    if (existing && existing.contentHash === contentHash) {
      return { ok: true, id: existing.id, slug, changed: false, lessons: cs.sections.length, questions: article.questionCount };
    }
    // A changed text keeps the questions it still yields: the quiz is chosen again with the stored
    // ones first, so an edit in one paragraph does not swap out questions elsewhere.
    const keep = existing ? await liveFingerprints(tx, existing.id) : new Set<string>();
    const quiz = keep.size ? generateQuizzes(cs, { keep }) : article.quiz;
    const questionCount = quiz.lessons.reduce((n, l) => n + l.questions.length, 0);
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
      ? await tx
          .update(caseStudies)
          .set({ ...values, updatedAt: new Date() })
          .where(eq(caseStudies.id, existing.id))
          .returning()
      : await tx.insert(caseStudies).values(values).returning();
    const caseStudyId = row!.id;

    const lessonIds: string[] = [];
    for (const [position, section] of cs.sections.entries()) {
      const lessonValues = { position, title: section.title, body: section.blocks, keyPoints: section.keyPoints };
      const [lesson] = await tx
        .insert(lessons)
        .values({ caseStudyId, slug: section.slug, ...lessonValues })
        .onConflictDoUpdate({ target: [lessons.caseStudyId, lessons.slug], set: { ...lessonValues, retiredAt: null } })
        .returning({ id: lessons.id });
      lessonIds.push(lesson!.id);

      const stored = quiz.lessons[position]!.questions.map(toStoredQuestion);
      for (const [qPosition, q] of stored.entries()) {
        await tx
          .insert(questions)
          .values({ lessonId: lesson!.id, position: qPosition, ...q })
          .onConflictDoUpdate({ target: [questions.lessonId, questions.fingerprint], set: { position: qPosition, retiredAt: null } });
      }
      // Generated questions the new text no longer yields are retired; the instructor's own stay.
      await tx
        .update(questions)
        .set({ retiredAt: sql`now()` })
        .where(
          and(
            eq(questions.lessonId, lesson!.id),
            isNull(questions.retiredAt),
            eq(questions.authored, false),
            stored.length
              ? notInArray(
                  questions.fingerprint,
                  stored.map((q) => q.fingerprint),
                )
              : undefined,
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
