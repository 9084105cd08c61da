import 'server-only';
import { and, asc, count, eq, exists, isNull, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { answers, assignments, attempts, caseStudies, classes, classMembers, lessons, questions, users } from '@/db/schema';
import { readAnswerSheet, unreadableNumbers } from '@/lib/grading/answer-sheet';
import { describeKey, describeResponse } from '@/lib/grading/describe';
import { gradeSheet } from '@/lib/grading/grade';
import { attemptsLeft } from '@/lib/progress/assignment-rules';
import { assignmentRulesFor, quizRulesFor } from './internal/quiz-rules';
import { visibleTo } from './internal/visibility';
import { isUuid } from '@/lib/ids';
import type { DalResult } from './result';
import { requireUser } from './session';

type SubmitResult = DalResult<{ attemptId: string }, 'not_found' | 'empty' | 'bad_numbers' | 'no_attempts_left'> & {
  /** With bad_numbers: the questions whose answer is not a number. */
  questionIds?: string[];
};

/**
 * Grades a submitted answer sheet on the server and stores the attempt with its answers in one
 * transaction. The submission key makes it idempotent: resubmitting the same form (double click,
 * stale tab, retry after a dropped connection) returns the first attempt instead of grading again.
 */
export async function submitQuizAttempt(input: {
  lessonId: string;
  submissionKey: string;
  getAll: (name: string) => string[];
}): Promise<SubmitResult> {
  const user = await requireUser();
  if (!isUuid(input.lessonId) || !isUuid(input.submissionKey)) return { ok: false, error: 'not_found' };
  const db = await getDb();
  const [lesson] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(and(eq(lessons.id, input.lessonId), isNull(lessons.retiredAt), visibleTo(user)));
  if (!lesson) return { ok: false, error: 'not_found' };

  const [previous] = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.userId, user.id), eq(attempts.submissionKey, input.submissionKey)));
  if (previous) return { ok: true, attemptId: previous.id };

  const keys = await db
    .select({ id: questions.id, data: questions.data, answerKey: questions.answerKey })
    .from(questions)
    .where(and(eq(questions.lessonId, lesson.id), eq(questions.enabled, true), isNull(questions.retiredAt)))
    .orderBy(asc(questions.position));
  const badNumbers = unreadableNumbers(keys, input.getAll);
  if (badNumbers.length) return { ok: false, error: 'bad_numbers', questionIds: badNumbers };
  const responses = readAnswerSheet(keys, input.getAll);
  if (responses.size === 0) return { ok: false, error: 'empty' };
  const { score, maxScore, graded } = gradeSheet(keys, responses);
  // Counted again inside the transaction, under the lock: that count is the one that decides.
  const rules = await assignmentRulesFor(db, user.id, lesson.id);

  return db.transaction(async (tx): Promise<SubmitResult> => {
    // One learner's submits are serialised, so two tabs cannot both spend the last attempt.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update');
    const [same] = await tx
      .select({ id: attempts.id })
      .from(attempts)
      .where(and(eq(attempts.userId, user.id), eq(attempts.submissionKey, input.submissionKey)));
    if (same) return { ok: true, attemptId: same.id };
    if (rules.attemptsAllowed !== null) {
      const [used] = await tx
        .select({ n: count() })
        .from(attempts)
        .where(and(eq(attempts.userId, user.id), eq(attempts.lessonId, lesson.id)));
      if ((used?.n ?? 0) >= rules.attemptsAllowed) return { ok: false, error: 'no_attempts_left' };
    }
    const [attempt] = await tx
      .insert(attempts)
      .values({ userId: user.id, lessonId: lesson.id, submissionKey: input.submissionKey, score, maxScore })
      .onConflictDoNothing({ target: [attempts.userId, attempts.submissionKey] })
      .returning({ id: attempts.id });
    if (!attempt) {
      // A concurrent submit of the same form won the race; its grade stands.
      const [winner] = await tx
        .select({ id: attempts.id })
        .from(attempts)
        .where(and(eq(attempts.userId, user.id), eq(attempts.submissionKey, input.submissionKey)));
      return { ok: true as const, attemptId: winner!.id };
    }
    await tx
      .insert(answers)
      .values(graded.map((g) => ({ attemptId: attempt.id, questionId: g.questionId, response: g.response, correct: g.correct })));
    return { ok: true as const, attemptId: attempt.id };
  });
}

/** A graded attempt with every answer explained, for its owner only (anyone else gets null). */
export async function getAttemptById({ id }: { id: string }) {
  const user = await requireUser();
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [attempt] = await db
    .select({
      id: attempts.id,
      score: attempts.score,
      maxScore: attempts.maxScore,
      submittedAt: attempts.submittedAt,
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
          // An instructor may read an attempt of a student in one of their classes, on a lesson
          // assigned to that class.
          exists(
            db
              .select({ one: sql`1` })
              .from(classes)
              .innerJoin(classMembers, eq(classMembers.classId, classes.id))
              .innerJoin(assignments, eq(assignments.classId, classes.id))
              .where(
                and(eq(classes.ownerId, user.id), eq(classMembers.userId, attempts.userId), eq(assignments.lessonId, attempts.lessonId)),
              ),
          ),
        ),
      ),
    );
  if (!attempt) return null;
  const rows = await db
    .select({
      id: questions.id,
      prompt: questions.prompt,
      data: questions.data,
      answerKey: questions.answerKey,
      explanation: questions.explanation,
      source: questions.source,
      response: answers.response,
      correct: answers.correct,
    })
    .from(answers)
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .where(eq(answers.attemptId, attempt.id))
    .orderBy(asc(questions.position));
  const isOwn = attempt.learnerId === user.id;
  // Class rules bind the learner; an instructor reading the attempt sees everything.
  const rules = isOwn ? await quizRulesFor(db, user.id, attempt.lessonId) : null;
  // The class said "answers after the due date": until then the learner sees only what they answered.
  const reviewHiddenUntil = rules?.reviewHiddenUntil ?? null;
  return {
    ...attempt,
    /** False when an instructor reads a student's attempt. */
    isOwn,
    reviewHiddenUntil,
    attemptsLeft: rules ? attemptsLeft(rules, rules.used) : null,
    questions: rows.map((r) => ({
      id: r.id,
      prompt: r.prompt,
      yourAnswer: describeResponse(r.data, r.response),
      ...(reviewHiddenUntil
        ? { review: null }
        : { review: { correct: r.correct, rightAnswer: describeKey(r.data, r.answerKey), explanation: r.explanation, source: r.source } }),
    })),
  };
}
