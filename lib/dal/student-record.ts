import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { attempts } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { scoreFraction } from '@/lib/progress/score';
import { getGradebookByClassId } from './classes';

/**
 * One student's page of the gradebook: every assignment of the class with the score that counts,
 * their extension, and every attempt they made for it. Only for the class's instructor, and only
 * for a current member; practice and attempts for other classes never appear.
 */
export async function getStudentRecord({ classId, studentId }: { classId: string; studentId: string }) {
  // The gradebook read authorizes first (an anonymous visitor is sent to sign in), then the id is checked.
  const book = await getGradebookByClassId({ classId });
  if (!isUuid(studentId)) return null;
  const student = book?.students.find((s) => s.id === studentId);
  if (!book || !student) return null;
  const db = await getDb();
  const assignmentIds = book.assignments.map((a) => a.id);
  const rows = assignmentIds.length
    ? await db
        .select({
          id: attempts.id,
          assignmentId: attempts.assignmentId,
          score: attempts.score,
          maxScore: attempts.maxScore,
          submittedAt: attempts.submittedAt,
        })
        .from(attempts)
        .where(and(eq(attempts.userId, student.id), inArray(attempts.assignmentId, assignmentIds)))
        .orderBy(asc(attempts.submittedAt))
    : [];
  return {
    class: { id: book.class.id, name: book.class.name },
    student: { id: student.id, name: student.name, email: student.email, joinedAt: student.joinedAt },
    assignments: book.assignments.map((a, i) => ({
      id: a.id,
      lessonTitle: a.lessonTitle,
      caseTitle: a.caseTitle,
      dueAt: a.dueAt,
      scoreRule: a.scoreRule,
      cell: student.cells[i]!,
      attempts: rows
        .filter((r) => r.assignmentId === a.id)
        .map((r) => ({
          id: r.id,
          fraction: scoreFraction(r.score, r.maxScore),
          score: r.score,
          maxScore: r.maxScore,
          submittedAt: r.submittedAt,
        })),
    })),
  };
}
