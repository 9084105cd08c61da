import 'server-only';
import { and, asc, count, eq, exists, inArray, isNull, min, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { answerGradings, answers, assignments, attempts, caseStudies, classes, lessons, questions, quizDrafts, users } from '@/db/schema';
import { overlongAnswers, readAnswerSheet, unreadableNumbers } from '@/lib/grading/answer-sheet';
import { describeKey, describeResponse } from '@/lib/grading/describe';
import { arrangeQuiz, seedFromKey, toStoredResponse } from '@/lib/grading/arrange';
import { gradeSheet } from '@/lib/grading/grade';
import { RETENTION_DEFAULT } from '@/lib/review/schedule';
import { attemptsLeft } from '@/lib/progress/assignment-rules';
import {
  assignmentForLearner,
  assignmentWithUseForLearner,
  assignmentsOfLearner,
  attemptsUsed,
  reviewHiddenUntil,
} from './internal/quiz-rules';
import { existingCardsSql, nextCards, nextCardsWriteSql, rowsOf } from './internal/review-cards';
import { visibleTo } from './internal/visibility';
import { isUuid } from '@/lib/ids';
import { OPEN_RESPONSE, rubricTotal, type OpenResponseKey } from '@/lib/questions/kinds';
import type { DalResult } from './result';
import { requireUser } from './session';

type SubmitResult = DalResult<
  { attemptId: string },
  'not_found' | 'not_assigned' | 'empty' | 'bad_numbers' | 'too_long' | 'no_attempts_left'
> & {
  /** With bad_numbers or too_long: the questions whose answer is not a number, or is too long. */
  questionIds?: string[];
};

/**
 * Grades a submitted answer sheet on the server and stores the attempt with its answers in one
 * transaction. The submission key makes it idempotent: resubmitting the same form (double click,
 * stale tab, retry after a dropped connection) returns the first attempt instead of grading again.
 *
 * With an assignment id the attempt belongs to that assignment and counts only toward it, under
 * its limit; the learner must be a member of its class now and it must be for this lesson, or
 * nothing is stored ('not_assigned'). Without one it is practice and never counts for a class.
 *
 * Shape, for speed under a class submitting at once: one read outside the transaction (the lesson,
 * its visibility and its keys), grading in memory, then one short transaction that takes the
 * learner's row lock and reads the earlier submit with the same key and the learner's review cards
 * in the same statement, reads the assignment with its attempts used in one more, and writes the
 * attempt, all its answers and its cards in one statement (the rows go as jsonb parameters, so the
 * statement stays short to build whatever the quiz's length). Nothing else (revalidation,
 * statistics) runs before the answer goes back, and nothing is left to run after it: the cards are
 * in the same transaction as the attempt, so an acknowledged attempt never lacks them.
 */
export async function submitQuizAttempt(input: {
  lessonId: string;
  /** null or '': practice. */
  assignmentId?: string | null;
  submissionKey: string;
  getAll: (name: string) => string[];
}): Promise<SubmitResult> {
  const user = await requireUser();
  if (!isUuid(input.lessonId) || !isUuid(input.submissionKey)) return { ok: false, error: 'not_found' };
  const assignmentId = input.assignmentId || null;
  if (assignmentId !== null && !isUuid(assignmentId)) return { ok: false, error: 'not_assigned' };
  const db = await getDb();
  // The lesson (if this user may see it) and its live questions with their keys: one row per
  // question, or one row with no question for a lesson that has none.
  const rows = await db
    .select({ lessonId: lessons.id, id: questions.id, data: questions.data, answerKey: questions.answerKey })
    .from(lessons)
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .leftJoin(questions, and(eq(questions.lessonId, lessons.id), eq(questions.enabled, true), isNull(questions.retiredAt)))
    .where(and(eq(lessons.id, input.lessonId), isNull(lessons.retiredAt), visibleTo(user)))
    .orderBy(asc(questions.position));
  if (rows.length === 0) return { ok: false, error: 'not_found' };
  const lessonId = rows[0]!.lessonId;
  const pool = rows.flatMap((r) => (r.id && r.data && r.answerKey ? [{ id: r.id, data: r.data, answerKey: r.answerKey }] : []));
  // The quiz the form showed: drawn from the pool and shuffled by the seed its submission key
  // gives. The sheet is read as shown, then graded and stored in the questions' own option order.
  const seed = seedFromKey(input.submissionKey);
  const shown = arrangeQuiz(pool, seed);
  const asShown = shown.map((s) => ({ id: s.question.id, data: s.data }));
  // Graded before the transaction (pure work), but only reported inside it, after the submission
  // key is looked up: a resubmitted form gets its first attempt back whatever it carries now.
  const badNumbers = unreadableNumbers(asShown, input.getAll);
  const tooLong = overlongAnswers(asShown, input.getAll);
  const read = readAnswerSheet(asShown, input.getAll);
  const responses = new Map(
    shown.flatMap((s) => (read.has(s.question.id) ? [[s.question.id, toStoredResponse(s, read.get(s.question.id)!)] as const] : [])),
  );
  const { score, maxScore, graded, awaiting } = gradeSheet(
    shown.map((s) => s.question),
    responses,
  );
  const written = new Set(shown.filter((s) => s.data.type === OPEN_RESPONSE).map((s) => s.question.id));

  // Every question of the attempt becomes (or moves) the learner's review card; review never counts
  // for a class. A written answer is not one: a person grades it, later.
  const carded = written.size ? graded.filter((g) => !written.has(g.questionId)) : graded;
  const answerRows = JSON.stringify(
    graded.map((g, position) => ({ questionId: g.questionId, response: g.response, credit: g.credit, correct: g.correct, position })),
  );

  return db.transaction(async (tx): Promise<SubmitResult> => {
    // One learner's submits are serialised, so two tabs cannot both spend the last attempt; the
    // same statement finds an earlier submit of this form, which then stands, and reads the cards
    // this attempt will move.
    const [locked] = await tx
      .select({
        same: sql<string | null>`(select a.id from attempts a where a.user_id = ${user.id} and a.submission_key = ${input.submissionKey})`,
        retention: users.desiredRetention,
        cards: existingCardsSql(user.id, carded),
      })
      .from(users)
      .where(eq(users.id, user.id))
      .for('update');
    if (!locked) return { ok: false, error: 'not_found' };
    if (locked.same) return { ok: true, attemptId: locked.same };
    let assignment: Awaited<ReturnType<typeof assignmentWithUseForLearner>> = null;
    if (assignmentId) {
      // Membership and the limit are read under the lock: removed meanwhile means not stored.
      assignment = await assignmentWithUseForLearner(tx, { userId: user.id, lessonId, assignmentId });
      if (!assignment) return { ok: false, error: 'not_assigned' };
    }
    if (badNumbers.length) return { ok: false, error: 'bad_numbers', questionIds: badNumbers };
    if (tooLong.length) return { ok: false, error: 'too_long', questionIds: tooLong };
    if (responses.size === 0) return { ok: false, error: 'empty' };
    if (assignment && assignment.attemptsAllowed !== null && assignment.used >= assignment.attemptsAllowed)
      return { ok: false, error: 'no_attempts_left' };
    const cards = nextCards(locked.cards, { retention: locked.retention ?? RETENTION_DEFAULT, now: new Date(), graded: carded });
    // The attempt, its answers, the cards and (once the written answers are in) the autosaved
    // draft in one statement: each part writes only if the attempt was inserted.
    const [stored] = rowsOf<{ id: string }>(
      await tx.execute(sql`
        with attempt as (
          insert into ${attempts} (user_id, lesson_id, assignment_id, submission_key, score, max_score, seed, grading_pending)
          values (${user.id}, ${lessonId}, ${assignmentId}, ${input.submissionKey}, ${score}, ${maxScore}, ${seed}, ${awaiting.length > 0})
          on conflict (user_id, submission_key) do nothing
          returning id
        ), answered as (
          insert into ${answers} (attempt_id, question_id, response, credit, correct, position)
          select attempt.id, a."questionId", a.response, a.credit, a.correct, a.position
          from attempt, jsonb_to_recordset(${answerRows}::jsonb) as a("questionId" uuid, response jsonb, credit double precision, correct boolean, position integer)
        ), carded as (
          ${nextCardsWriteSql(user.id, cards, sql`exists (select 1 from attempt)`)}
        ), cleared as (
          delete from ${quizDrafts} where ${written.size > 0} and user_id = ${user.id} and lesson_id = ${lessonId} and exists (select 1 from attempt)
        )
        select id from attempt`),
    );
    if (stored) return { ok: true as const, attemptId: stored.id };
    // Only a writer that skipped the learner's lock could get here; its grade stands.
    const [winner] = await tx
      .select({ id: attempts.id })
      .from(attempts)
      .where(and(eq(attempts.userId, user.id), eq(attempts.submissionKey, input.submissionKey)));
    return { ok: true as const, attemptId: winner!.id };
  });
}

/**
 * What the quiz page needs to know before the learner starts: the assignment they take it for
 * (with its limit and the attempts they made for it), or practice when assignmentId is empty; the
 * other assignments of this lesson in their classes, to offer; and whether results hide answers.
 * Null when the lesson is not theirs to see, or the assignment is not theirs to take it for (a
 * forged id, another class's assignment, another lesson's): the page says so and offers nothing
 * to submit.
 */
export async function getQuizTerms({ lessonId, assignmentId }: { lessonId: string; assignmentId: string | null }) {
  const user = await requireUser();
  if (!isUuid(lessonId)) return null;
  const db = await getDb();
  // Side by side: the learner's own assignments and rules for this lesson are read with the
  // visibility check and thrown away unless the lesson is theirs to see.
  const [[lesson], offered, hiddenUntil] = await Promise.all([
    db
      .select({ id: lessons.id })
      .from(lessons)
      .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
      .where(and(eq(lessons.id, lessonId), isNull(lessons.retiredAt), visibleTo(user))),
    assignmentsOfLearner(db, { userId: user.id, lessonId }),
    reviewHiddenUntil(db, { userId: user.id, lessonId }),
  ]);
  if (!lesson) return null;
  const withUse = offered.map((a) => ({ ...a, left: attemptsLeft(a.attemptsAllowed, a.used) }));
  const chosen = assignmentId ? withUse.find((a) => a.id === assignmentId) : null;
  if (assignmentId && !chosen) return null;
  return {
    /** null: practice. */
    assignment: chosen ?? null,
    others: withUse.filter((a) => a.id !== chosen?.id),
    reviewHiddenUntil: hiddenUntil,
  };
}

/**
 * A graded attempt with every answer explained, for its owner, or for the instructor of the class
 * whose assignment it was made for; anyone else gets null. A practice attempt is its owner's alone,
 * and an instructor never reads an attempt made for another class, even of their own student.
 */
export async function getAttemptById({ id }: { id: string }) {
  const user = await requireUser();
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [attempt] = await db
    .select({
      id: attempts.id,
      score: attempts.score,
      maxScore: attempts.maxScore,
      gradingPending: attempts.gradingPending,
      submittedAt: attempts.submittedAt,
      assignmentId: attempts.assignmentId,
      lessonId: lessons.id,
      lessonSlug: lessons.slug,
      lessonTitle: lessons.title,
      caseSlug: caseStudies.slug,
      caseTitle: caseStudies.title,
      learnerId: attempts.userId,
      learnerName: users.name,
    })
    .from(attempts)
    .innerJoin(users, eq(users.id, attempts.userId))
    .innerJoin(lessons, eq(lessons.id, attempts.lessonId))
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(
      and(
        eq(attempts.id, id),
        or(
          eq(attempts.userId, user.id),
          exists(
            db
              .select({ one: sql`1` })
              .from(assignments)
              .innerJoin(classes, eq(classes.id, assignments.classId))
              .where(and(eq(assignments.id, attempts.assignmentId), eq(classes.ownerId, user.id))),
          ),
        ),
      ),
    );
  if (!attempt) return null;
  const rows = await db
    .select({
      id: questions.id,
      intro: questions.intro,
      prompt: questions.prompt,
      data: questions.data,
      answerKey: questions.answerKey,
      explanation: questions.explanation,
      source: questions.source,
      response: answers.response,
      credit: answers.credit,
      correct: answers.correct,
      answerId: answers.id,
      rubricPoints: answers.rubricPoints,
      comment: answers.comment,
      gradedAt: answers.gradedAt,
    })
    .from(answers)
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .where(eq(answers.attemptId, attempt.id))
    // As the learner saw them (older attempts, without a position, in the stored order).
    .orderBy(asc(answers.position), asc(questions.position));
  const isOwn = attempt.learnerId === user.id;
  const writtenIds = rows.filter((r) => r.answerKey.type === OPEN_RESPONSE).map((r) => r.answerId);
  const gradingsOf = new Map(
    (writtenIds.length
      ? await db
          .select({ answerId: answerGradings.answerId, gradings: count(), firstGradedAt: min(answerGradings.gradedAt) })
          .from(answerGradings)
          .where(inArray(answerGradings.answerId, writtenIds))
          .groupBy(answerGradings.answerId)
      : []
    ).map((h) => [h.answerId, h]),
  );
  // The assignment's class, as the reader may know it: the learner while still in the class (to
  // retake it for the class), the instructor always.
  const [assignment] = attempt.assignmentId
    ? await db
        .select({ id: assignments.id, classId: classes.id, className: classes.name, attemptsAllowed: assignments.attemptsAllowed })
        .from(assignments)
        .innerJoin(classes, eq(classes.id, assignments.classId))
        .where(eq(assignments.id, attempt.assignmentId))
    : [];
  const current =
    isOwn && assignment
      ? await assignmentForLearner(db, { userId: user.id, lessonId: attempt.lessonId, assignmentId: assignment.id })
      : null;
  // Class rules bind the learner, on every attempt of theirs on the lesson; an instructor reading
  // the attempt sees everything.
  const hiddenUntil = isOwn ? await reviewHiddenUntil(db, { userId: user.id, lessonId: attempt.lessonId }) : null;
  // The learner's own trend on this lesson (every attempt of theirs, practice or for a class).
  const history = isOwn
    ? await db
        .select({ id: attempts.id, score: attempts.score, maxScore: attempts.maxScore, submittedAt: attempts.submittedAt })
        .from(attempts)
        .where(and(eq(attempts.userId, user.id), eq(attempts.lessonId, attempt.lessonId)))
        .orderBy(asc(attempts.submittedAt))
    : [];
  const left = current
    ? attemptsLeft(current.attemptsAllowed, await attemptsUsed(db, { userId: user.id, assignmentId: current.id }))
    : null;
  return {
    ...attempt,
    /** False when an instructor reads a student's attempt. */
    isOwn,
    /** The class the attempt was made for; null for practice. */
    className: assignment?.className ?? null,
    /** For the class's instructor: the gradebook page of this student, to go back to. */
    gradebookHref: !isOwn && assignment ? `/teach/classes/${assignment.classId}/students/${attempt.learnerId}` : null,
    /** The assignment a retake counts toward, while the learner is still in its class; null: practice. */
    retakeAssignmentId: current?.id ?? null,
    reviewHiddenUntil: hiddenUntil,
    /** Attempts left on the assignment of a retake; null: unlimited or practice. */
    attemptsLeft: left,
    /** The owner's attempts on this lesson, oldest first; empty for an instructor. */
    history,
    questions: rows.map((r) => ({
      id: r.id,
      intro: r.intro,
      prompt: r.prompt,
      yourAnswer: describeResponse(r.data, r.response),
      written: null,
      ...(r.answerKey.type === OPEN_RESPONSE
        ? {
            review: null,
            written: writtenReview(r, r.answerKey, { isOwn, hidden: hiddenUntil !== null, history: gradingsOf.get(r.answerId) }),
          }
        : hiddenUntil
          ? { review: null }
          : {
              review: {
                correct: r.correct,
                credit: r.credit,
                rightAnswer: describeKey(r.data, r.answerKey),
                explanation: r.explanation,
                source: r.source,
              },
            }),
    })),
  };
}

/**
 * A written answer as its reader may see it. The instructor sees the rubric, the model answer and
 * the grade at all times. The learner sees nothing of the rubric or model answer while it waits;
 * once graded, the points per criterion and the comment, and the model answer and explanation
 * unless their class hides answers until the due date.
 */
function writtenReview(
  r: {
    answerId: string;
    response: unknown;
    rubricPoints: number[] | null;
    comment: string | null;
    gradedAt: Date | null;
    explanation: string;
  },
  key: OpenResponseKey,
  { isOwn, hidden, history }: { isOwn: boolean; hidden: boolean; history?: { gradings: number; firstGradedAt: Date | null } },
) {
  const graded = r.gradedAt !== null;
  const showRubric = !isOwn || graded;
  const showKey = !isOwn || (graded && !hidden);
  return {
    /** For the grading form: the instructor's only. */
    answerId: isOwn ? null : r.answerId,
    status: !r.response ? ('blank' as const) : graded ? ('graded' as const) : ('waiting' as const),
    criteria: showRubric
      ? key.rubric.map((c, i) => ({ label: c.label, max: c.points, awarded: graded ? (r.rubricPoints?.[i] ?? 0) : null }))
      : [],
    awarded: graded ? (r.rubricPoints ?? []).reduce((a, b) => a + b, 0) : null,
    max: showRubric ? rubricTotal(key.rubric) : null,
    comment: graded ? r.comment : null,
    gradedAt: r.gradedAt,
    firstGradedAt: history?.firstGradedAt ?? null,
    gradings: history?.gradings ?? 0,
    modelAnswer: showKey ? key.modelAnswer : null,
    explanation: showKey && r.explanation ? r.explanation : null,
  };
}
