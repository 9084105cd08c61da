import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { answers, assignments, attempts, caseStudies, classes, classMembers, lessons, questions } from '@/db/schema';
import { OPEN_RESPONSE, type StoredAnswerKey, type StoredResponse } from '@/lib/questions/kinds';
import { buildQuizReport, type AttemptScope } from '@/lib/stats/quiz-report';
import { isUuid } from '@/lib/ids';
import { questionNumbers } from '@/lib/questions/numbering';
import { questionItemId } from './internal/question-versions';
import { requireInstructor } from './session';

/**
 * Item analysis of one lesson's quiz, over the attempts an instructor may read: those made for
 * the lesson's assignment in their own classes (one class, or all of them) by the class's current
 * students. Practice and attempts made for another instructor's class never enter it. Null when
 * the class is not theirs, or the lesson is neither assigned to one of their classes nor their own.
 */
export async function getItemAnalysis({ lessonId, classId, scope }: { lessonId: string; classId?: string; scope: AttemptScope }) {
  const user = await requireInstructor();
  if (!user || !isUuid(lessonId) || (classId !== undefined && !isUuid(classId))) return null;
  const db = await getDb();
  const [lesson] = await db
    .select({
      id: lessons.id,
      title: lessons.title,
      caseTitle: caseStudies.title,
      caseStudyId: caseStudies.id,
      caseOwnerId: caseStudies.ownerId,
    })
    .from(lessons)
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(eq(lessons.id, lessonId));
  if (!lesson) return null;
  const myClasses = await db
    .select({ id: classes.id, name: classes.name, assignmentId: assignments.id })
    .from(classes)
    .innerJoin(assignments, and(eq(assignments.classId, classes.id), eq(assignments.lessonId, lesson.id)))
    .where(eq(classes.ownerId, user.id))
    .orderBy(asc(classes.name));
  const inScope = classId ? myClasses.filter((c) => c.id === classId) : myClasses;
  // The author of a case study may open its quizzes' analysis before assigning them (it is empty).
  if (!inScope.length && (classId || lesson.caseOwnerId !== user.id)) return null;

  const members = inScope.length
    ? await db
        .selectDistinct({ userId: classMembers.userId })
        .from(classMembers)
        .where(
          inArray(
            classMembers.classId,
            inScope.map((c) => c.id),
          ),
        )
    : [];
  // Members' attempts only, so never an anonymised one (a deleted account's attempts have no user).
  const memberAttempts = members.length
    ? await db
        .select({ id: attempts.id, userId: attempts.userId, submittedAt: attempts.submittedAt })
        .from(attempts)
        .where(
          and(
            inArray(
              attempts.assignmentId,
              inScope.map((c) => c.assignmentId),
            ),
            inArray(
              attempts.userId,
              members.map((m) => m.userId),
            ),
          ),
        )
    : [];
  const attemptRows = memberAttempts.flatMap((a) => (a.userId ? [{ ...a, userId: a.userId }] : []));
  const answerRows = attemptRows.length
    ? await db
        .select({
          attemptId: answers.attemptId,
          questionId: answers.questionId,
          response: answers.response,
          correct: answers.correct,
          mark: answers.credit,
          gradedAt: answers.gradedAt,
        })
        .from(answers)
        .where(
          inArray(
            answers.attemptId,
            attemptRows.map((a) => a.id),
          ),
        )
    : [];
  const answered = new Set(answerRows.map((a) => a.questionId));
  // The quiz as it stands, plus any question that was answered before it was disabled or retired.
  const lessonRows = await db
    .select({
      id: questions.id,
      prompt: questions.prompt,
      type: questions.type,
      data: questions.data,
      answerKey: questions.answerKey,
      enabled: questions.enabled,
      retiredAt: questions.retiredAt,
      fingerprint: questions.fingerprint,
    })
    .from(questions)
    .where(eq(questions.lessonId, lesson.id))
    // The current version of an edited question first: it speaks for the item.
    .orderBy(asc(questions.position), sql`${questions.retiredAt} desc nulls first`);
  // Numbered over the whole lesson, as the review page numbers it.
  const numbers = questionNumbers(lessonRows.map((q) => ({ itemId: questionItemId(q.fingerprint), retired: q.retiredAt !== null })));
  const questionRows = lessonRows.filter((q) => (q.enabled && !q.retiredAt) || answered.has(q.id));

  const report = buildQuizReport({
    questions: questionRows.map((q) => ({ ...q, itemId: questionItemId(q.fingerprint) })),
    attempts: attemptRows,
    answers: markWritten(questionRows, answerRows),
    scope,
  });
  const byId = new Map(questionRows.map((q) => [q.id, q]));
  const canEdit = lesson.caseOwnerId === user.id;
  return {
    lesson: { id: lesson.id, title: lesson.title, caseTitle: lesson.caseTitle },
    classes: myClasses.map(({ id, name }) => ({ id, name })),
    classId: classId ?? null,
    students: members.length,
    report,
    questions: report.items.map((item, i) => {
      const q = byId.get(item.questionId)!;
      return {
        id: q.id,
        number: numbers.get(questionItemId(q.fingerprint)) ?? i + 1,
        prompt: q.prompt,
        type: q.type,
        inQuiz: q.enabled && !q.retiredAt,
        editHref: canEdit && !q.retiredAt ? `/teach/cases/${lesson.caseStudyId}/questions/${q.id}` : null,
        ...item,
      };
    }),
  };
}

/**
 * A graded written answer counts by the share of its rubric points it was given (its credit, so
 * facility is the mean share); one still waiting for its grade is left out, as if the attempt had not had it.
 */
function markWritten<A extends { questionId: string; response: StoredResponse | null; gradedAt: Date | null }>(
  questionRows: { id: string; answerKey: StoredAnswerKey }[],
  answerRows: A[],
): A[] {
  const written = new Set(questionRows.filter((q) => q.answerKey.type === OPEN_RESPONSE).map((q) => q.id));
  return answerRows.filter((a) => !(written.has(a.questionId) && a.response && !a.gradedAt));
}
