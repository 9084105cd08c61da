import 'server-only';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { caseStudies, lessons, questions, reviewCards, reviewLogs, users } from '@/db/schema';
import { shownAs, seedFromKey, toStoredResponse } from '@/lib/grading/arrange';
import { readAnswerSheet, unreadableNumbers } from '@/lib/grading/answer-sheet';
import { describeKey, describeResponse } from '@/lib/grading/describe';
import { gradeSheet } from '@/lib/grading/grade';
import { isUuid } from '@/lib/ids';
import { LEARN_AHEAD_MS, RETENTION_DEFAULT, RETENTION_MAX, RETENTION_MIN, ratingFor } from '@/lib/review/schedule';
import type { QuizQuestion } from './catalog-types';
import { answersShownFor } from './internal/quiz-rules';
import { rescheduleCards } from './internal/review-cards';
import { visibleTo } from './internal/visibility';
import type { DalResult } from './result';
import { requireUser } from './session';

/** How many due questions one review round serves. */
const REVIEW_ROUND = 10;

type Db = Awaited<ReturnType<typeof getDb>>;

/**
 * The learner's cards that may be reviewed now: questions still live, in their library, answers not
 * held back by a class (a review shows right answers, and a card's due date tells a right answer
 * from a wrong one, so such cards are neither served nor counted).
 */
const reviewable = (db: Db, user: Parameters<typeof visibleTo>[0], now: Date) =>
  and(
    eq(reviewCards.userId, user.id),
    eq(questions.enabled, true),
    isNull(questions.retiredAt),
    isNull(lessons.retiredAt),
    visibleTo(user),
    answersShownFor(db, { userId: user.id, lessonId: lessons.id, now }),
  );

function cardsQuery(db: Db) {
  return db
    .select({
      id: questions.id,
      intro: questions.intro,
      prompt: questions.prompt,
      data: questions.data,
      due: reviewCards.due,
      lessonTitle: lessons.title,
    })
    .from(reviewCards)
    .innerJoin(questions, eq(questions.id, reviewCards.questionId))
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId));
}

/** A card is due now when it comes due within the learn-ahead window. */
const dueBy = (now: Date) => new Date(now.getTime() + LEARN_AHEAD_MS);

/** How many questions are due now, and when the next one comes due after that (the dashboard's line). */
export async function getReviewSummary({ now = new Date() }: { now?: Date } = {}) {
  const user = await requireUser();
  const db = await getDb();
  // One pass over the learner's reviewable cards: how many are due by the learn-ahead window, and
  // the earliest due after it.
  const by = dueBy(now).toISOString();
  const [row] = await db
    .select({
      due: sql<number>`(count(*) filter (where ${reviewCards.due} <= ${by}::timestamptz))::int`,
      next: sql<Date | string | null>`min(${reviewCards.due}) filter (where ${reviewCards.due} > ${by}::timestamptz)`,
    })
    .from(reviewCards)
    .innerJoin(questions, eq(questions.id, reviewCards.questionId))
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(reviewable(db, user, now));
  return { due: Number(row?.due ?? 0), nextDue: row?.next ? new Date(row.next) : null };
}

/**
 * The round of review the learner is served now: up to REVIEW_ROUND due questions, most overdue
 * first, as a quiz form shows them (public half only, options shuffled by the round's key).
 */
export async function getReviewRound({ roundKey, now = new Date() }: { roundKey: string; now?: Date }) {
  const user = await requireUser();
  const db = await getDb();
  const [rows, summary] = await Promise.all([
    cardsQuery(db)
      .where(and(reviewable(db, user, now), lte(reviewCards.due, dueBy(now))))
      .orderBy(asc(reviewCards.due), asc(questions.id))
      .limit(REVIEW_ROUND),
    getReviewSummary({ now }),
  ]);
  const seed = seedFromKey(roundKey);
  const served: (QuizQuestion & { lessonTitle: string })[] = rows.map((r) => {
    const shown = shownAs({ id: r.id, data: r.data }, seed);
    return { id: r.id, prompt: r.prompt, data: shown.data, lessonTitle: r.lessonTitle };
  });
  return { questions: served, due: summary.due, nextDue: summary.nextDue };
}

type ReviewSubmitted = DalResult<{ roundKey: string }, 'empty' | 'bad_numbers' | 'not_found'> & { questionIds?: string[] };

/**
 * Grades a review round on the server and reschedules its cards. Only the learner's own cards can
 * be answered (a forged question id is ignored); an unanswered question keeps its card as it was.
 * Review is stored apart from attempts: it counts toward no assignment and no gradebook. The
 * round key makes a resubmitted form a no-op.
 */
export async function submitReview(input: {
  roundKey: string;
  questionIds: string[];
  getAll: (name: string) => string[];
}): Promise<ReviewSubmitted> {
  const user = await requireUser();
  if (!isUuid(input.roundKey)) return { ok: false, error: 'not_found' };
  const ids = [...new Set(input.questionIds.filter(isUuid))].slice(0, REVIEW_ROUND);
  if (!ids.length) return { ok: false, error: 'empty' };
  const db = await getDb();
  const now = new Date();
  const rows = await db
    .select({ id: questions.id, data: questions.data, answerKey: questions.answerKey })
    .from(reviewCards)
    .innerJoin(questions, eq(questions.id, reviewCards.questionId))
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(and(reviewable(db, user, now), inArray(questions.id, ids)));
  // In the order the form listed them.
  const pool = ids.flatMap((id) => rows.filter((r) => r.id === id));
  const seed = seedFromKey(input.roundKey);
  const shown = pool.map((q) => shownAs(q, seed));
  const asShown = shown.map((s) => ({ id: s.question.id, data: s.data }));
  const badNumbers = unreadableNumbers(asShown, input.getAll);
  const read = readAnswerSheet(asShown, input.getAll);
  const answered = shown.filter((s) => read.has(s.question.id));
  const responses = new Map(answered.map((s) => [s.question.id, toStoredResponse(s, read.get(s.question.id)!)] as const));
  const { graded } = gradeSheet(
    answered.map((s) => s.question),
    responses,
  );

  return db.transaction(async (tx): Promise<ReviewSubmitted> => {
    // The learner's submits are serialised; the same statement finds an earlier submit of this round.
    const [locked] = await tx
      .select({
        retention: users.desiredRetention,
        done: sql<boolean>`exists (select 1 from review_logs r where r.user_id = ${user.id} and r.round_key = ${input.roundKey})`,
      })
      .from(users)
      .where(eq(users.id, user.id))
      .for('update');
    if (locked?.done) return { ok: true, roundKey: input.roundKey };
    if (badNumbers.length) return { ok: false, error: 'bad_numbers', questionIds: badNumbers };
    if (!graded.length) return { ok: false, error: 'empty' };
    await tx.insert(reviewLogs).values(
      graded.map((g, position) => ({
        userId: user.id,
        questionId: g.questionId,
        roundKey: input.roundKey,
        position,
        response: g.response,
        credit: g.credit,
        rating: ratingFor(g.credit),
        reviewedAt: now,
      })),
    );
    await rescheduleCards(tx, { userId: user.id, retention: locked?.retention ?? RETENTION_DEFAULT, now, graded });
    return { ok: true, roundKey: input.roundKey };
  });
}

/**
 * The graded answers of one of the learner's review rounds, explained; null when the round is not
 * theirs. An answer whose lesson a class has since started to hold back shows no key.
 */
export async function getReviewedRound({ roundKey }: { roundKey: string }) {
  const user = await requireUser();
  if (!isUuid(roundKey)) return null;
  const db = await getDb();
  const now = new Date();
  const rows = await db
    .select({
      id: questions.id,
      prompt: questions.prompt,
      data: questions.data,
      answerKey: questions.answerKey,
      explanation: questions.explanation,
      source: questions.source,
      response: reviewLogs.response,
      credit: reviewLogs.credit,
      shown: answersShownFor(db, { userId: user.id, lessonId: lessons.id, now }).mapWith(Boolean),
    })
    .from(reviewLogs)
    .innerJoin(questions, eq(questions.id, reviewLogs.questionId))
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .where(and(eq(reviewLogs.userId, user.id), eq(reviewLogs.roundKey, roundKey)))
    .orderBy(asc(reviewLogs.position));
  if (!rows.length) return null;
  return rows.map((r) => ({
    id: r.id,
    prompt: r.prompt,
    yourAnswer: describeResponse(r.data, r.response),
    credit: r.shown ? r.credit : null,
    review: r.shown ? { rightAnswer: describeKey(r.data, r.answerKey), explanation: r.explanation, source: r.source } : null,
  }));
}

/** The learner's own retention target (the account page's form shows it). */
export async function getDesiredRetention(): Promise<number> {
  const user = await requireUser();
  const db = await getDb();
  const [me] = await db.select({ retention: users.desiredRetention }).from(users).where(eq(users.id, user.id));
  return me?.retention ?? RETENTION_DEFAULT;
}

type RetentionSaved = DalResult<{ retention: number }, 'out_of_range'>;

/** The learner's retention target for spaced review (70%–97%); it applies from their next answer on. */
export async function setDesiredRetention({ retention }: { retention: number }): Promise<RetentionSaved> {
  const user = await requireUser();
  if (!Number.isFinite(retention) || retention < RETENTION_MIN || retention > RETENTION_MAX) return { ok: false, error: 'out_of_range' };
  const db = await getDb();
  await db.update(users).set({ desiredRetention: retention }).where(eq(users.id, user.id));
  return { ok: true, retention };
}
