import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { caseStudies, lessons, questions } from '@/db/schema';
import { prepareArticle, type PreparedArticle } from '@/lib/article-import/prepare-article';
import { sentencesOf } from '@/lib/case-study/parse';
import { slugify } from '@/lib/case-study/sentences';
import { normalizeSource } from '@/lib/quizgen/candidate';
import type { StoredQuestionData } from '@/lib/questions/kinds';
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

/** Whether every sentence of a question's source is still, word for word, in the lesson's (normalised) text. */
function stillSourced(source: string, lessonText: string): boolean {
  const parts = sentencesOf([{ kind: 'paragraph', text: source }]);
  return parts.length > 0 && parts.every((part) => lessonText.includes(normalizeSource(part)));
}

/** Whether two questions show the same text (an option, or the prompt): one would give the other away. */
function sharesText(a: { prompt: string; data: StoredQuestionData }, b: { prompt: string; data: StoredQuestionData }): boolean {
  const shown = (q: typeof a) =>
    [q.prompt, ...('options' in q.data ? q.data.options : []), ...('items' in q.data ? q.data.items : [])].map(normalizeSource);
  const theirs = new Set(shown(b));
  return shown(a).some((t) => theirs.has(t));
}

/** The generated questions a case study holds now, with what a re-import needs to keep or retire them. */
async function liveGenerated(tx: Pick<Database, 'select'>, caseStudyId: string) {
  return tx
    .select({
      lessonSlug: lessons.slug,
      fingerprint: questions.fingerprint,
      source: questions.source,
      prompt: questions.prompt,
      data: questions.data,
    })
    .from(questions)
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .where(and(eq(lessons.caseStudyId, caseStudyId), isNull(questions.retiredAt), eq(questions.authored, false)));
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
    const live = existing ? await liveGenerated(tx, existing.id) : [];
    const keep = new Set(live.map((q) => q.fingerprint));
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
      : // Another import may have taken the address since the check above: nothing is written then.
        await tx.insert(caseStudies).values(values).onConflictDoNothing({ target: caseStudies.slug }).returning();
    if (!row) return { ok: false, error: 'slug_taken', message: `The address /cases/${slug} is taken.` };
    const caseStudyId = row.id;

    const lessonIds: string[] = [];
    for (const [position, section] of cs.sections.entries()) {
      const lessonValues = { position, title: section.title, body: section.blocks, keyPoints: section.keyPoints };
      const [lesson] = await tx
        .insert(lessons)
        .values({ caseStudyId, slug: section.slug, ...lessonValues })
        .onConflictDoUpdate({ target: [lessons.caseStudyId, lessons.slug], set: { ...lessonValues, retiredAt: null } })
        .returning({ id: lessons.id });
      lessonIds.push(lesson!.id);

      const generated = quiz.lessons[position]!.questions.map(toStoredQuestion);
      // A stored question the new text no longer yields, though every sentence it rests on is still in
      // its lesson (a wrong option came from the edited paragraph, say), stays: its id, edits and
      // statistics belong to a question that is still true. A new question that would give it away,
      // or be given away by it, is left out instead.
      const lessonText = live.length ? normalizeSource(sentencesOf(section.blocks).join(' ')) : '';
      const survivors = live.filter(
        (q) =>
          q.lessonSlug === section.slug && !generated.some((g) => g.fingerprint === q.fingerprint) && stillSourced(q.source, lessonText),
      );
      const stored = generated.filter((g) => keep.has(g.fingerprint) || !survivors.some((q) => sharesText(q, g)));
      for (const [qPosition, q] of stored.entries()) {
        await tx
          .insert(questions)
          .values({ lessonId: lesson!.id, position: qPosition, ...q })
          .onConflictDoUpdate({ target: [questions.lessonId, questions.fingerprint], set: { position: qPosition, retiredAt: null } });
      }
      for (const [i, q] of survivors.entries()) {
        await tx
          .update(questions)
          .set({ position: stored.length + i })
          .where(and(eq(questions.lessonId, lesson!.id), eq(questions.fingerprint, q.fingerprint)));
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
            stored.length + survivors.length
              ? notInArray(
                  questions.fingerprint,
                  [...stored, ...survivors].map((q) => q.fingerprint),
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
