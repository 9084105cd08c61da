import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { answerGradings, answers, assignments, attempts, classes, questions } from '@/db/schema';
import { awardedShare, readRubricScoring } from '@/lib/grading/rubric';
import { isUuid } from '@/lib/ids';
import { OPEN_RESPONSE, type StoredAnswerKey, type StoredResponse } from '@/lib/questions/kinds';
import type { DalResult } from './result';
import { requireInstructor } from './session';

type GradeResult = DalResult<{ attemptId: string; regraded: boolean }, 'not_found' | 'nothing_to_grade' | 'invalid'> & {
  fieldErrors?: Record<string, string[]>;
};

/**
 * An instructor grades (or regrades) one written answer against its rubric, criterion by criterion,
 * with a comment. Only the instructor of the class whose assignment the attempt was made for may:
 * anyone else, a practice attempt, a wrong or malformed id all get 'not_found'. Points outside a
 * criterion's range are refused whole ('invalid'), and nothing is stored. The answer's credit is the
 * share of the rubric's points given; the attempt's score is worked out again from all its answers, and every grading is kept in answer_gradings with its time.
 */
export async function gradeWrittenAnswer({
  answerId,
  getAll,
}: {
  answerId: string;
  getAll: (name: string) => string[];
}): Promise<GradeResult> {
  const user = await requireInstructor();
  if (!user || !isUuid(answerId)) return { ok: false, error: 'not_found' };
  const db = await getDb();
  const [row] = await db
    .select({ id: answers.id, attemptId: answers.attemptId, response: answers.response, answerKey: questions.answerKey })
    .from(answers)
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(and(eq(answers.id, answerId), eq(classes.ownerId, user.id)));
  if (!row) return { ok: false, error: 'not_found' };
  if (row.answerKey.type !== OPEN_RESPONSE || row.response?.type !== OPEN_RESPONSE) return { ok: false, error: 'nothing_to_grade' };
  const read = readRubricScoring(row.answerKey.rubric, getAll);
  if (!read.ok) return { ok: false, error: 'invalid', message: read.message, fieldErrors: read.errors };
  // The question is one mark, like every other; the share of its rubric points given is its credit.
  const credit = awardedShare(row.answerKey.rubric, read.points);

  return db.transaction(async (tx): Promise<GradeResult> => {
    // Two gradings of one attempt at once are serialised, so its score always sums its answers.
    await tx.select({ id: attempts.id }).from(attempts).where(eq(attempts.id, row.attemptId)).for('update');
    const [before] = await tx.select({ gradedAt: answers.gradedAt }).from(answers).where(eq(answers.id, row.id));
    const gradedAt = new Date();
    await tx
      .update(answers)
      .set({ rubricPoints: read.points, comment: read.comment, gradedAt, credit, correct: credit >= 1 })
      .where(eq(answers.id, row.id));
    await tx
      .insert(answerGradings)
      .values({ answerId: row.id, graderId: user.id, rubricPoints: read.points, comment: read.comment, gradedAt });
    const sheet = await tx
      .select({
        credit: answers.credit,
        response: answers.response,
        gradedAt: answers.gradedAt,
        answerKey: questions.answerKey,
      })
      .from(answers)
      .innerJoin(questions, eq(questions.id, answers.questionId))
      .where(eq(answers.attemptId, row.attemptId));
    const { score, pending } = scoreOfSheet(sheet);
    await tx.update(attempts).set({ score, gradingPending: pending }).where(eq(attempts.id, row.attemptId));
    return { ok: true, attemptId: row.attemptId, regraded: before?.gradedAt != null };
  });
}

/** An attempt's score from its answers (the sum of their credit), and whether a written one still waits. */
function scoreOfSheet(sheet: { credit: number; response: StoredResponse | null; gradedAt: Date | null; answerKey: StoredAnswerKey }[]) {
  return {
    score: sheet.reduce((sum, a) => sum + a.credit, 0),
    pending: sheet.some((a) => a.answerKey.type === OPEN_RESPONSE && a.response !== null && a.gradedAt === null),
  };
}
