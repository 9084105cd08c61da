import 'server-only';
import { and, count, eq, isNull, max } from 'drizzle-orm';
import { getDb } from '@/db';
import { answers, caseStudies, lessons, questions } from '@/db/schema';
import { toEditorForm, toStoredColumns, type EditableQuestion, type EditorValues } from '@/lib/questions/editor';
import { isUuid } from '@/lib/ids';
import { MAX_LESSON_QUESTIONS } from '@/lib/questions/kinds';
import { AUTHORED_POSITION, authoredMarks } from './internal/authored';
import { questionForInstructor } from './internal/columns';
import { retiredVersionFingerprint } from './internal/question-versions';
import type { DalResult } from './result';
import { requireInstructor } from './session';

type QuestionSaved = DalResult<{ id: string; caseStudyId: string }, 'not_found'>;

/** A question of a case study the signed-in instructor imported; anyone else gets null. */
async function ownedQuestion(id: string) {
  const user = await requireInstructor();
  if (!user || !isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      ...questionForInstructor,
      lessonTitle: lessons.title,
      caseStudyId: caseStudies.id,
      caseTitle: caseStudies.title,
    })
    .from(questions)
    .innerJoin(lessons, eq(lessons.id, questions.lessonId))
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(and(eq(questions.id, id), isNull(questions.retiredAt), eq(caseStudies.ownerId, user.id)));
  return row ? { db, row } : null;
}

/** The question as the editor's form values, with where it belongs. */
export async function getQuestionForEdit({ id }: { id: string }) {
  const owned = await ownedQuestion(id);
  if (!owned) return null;
  const { row } = owned;
  return {
    id: row.id,
    caseStudyId: row.caseStudyId,
    caseTitle: row.caseTitle,
    lessonTitle: row.lessonTitle,
    enabled: row.enabled,
    form: toEditorForm(row) satisfies EditorValues,
  };
}

/**
 * Saves an instructor's edit and returns the id the question now has. A question nobody has answered
 * is changed in place. One with answers gets a new version (as Moodle does): the old row is retired
 * with its answers, so past results and statistics still show what was asked then. The fingerprint
 * moves to the new version, so a re-import of the article keeps the edit.
 */
export async function updateQuestion({ id, question }: { id: string; question: EditableQuestion }): Promise<QuestionSaved> {
  const owned = await ownedQuestion(id);
  if (!owned || question.type !== owned.row.type) return { ok: false, error: 'not_found' };
  const { caseStudyId } = owned.row;
  const columns = { ...toStoredColumns(question), editedAt: new Date() };
  return owned.db.transaction(async (tx): Promise<QuestionSaved> => {
    const [old] = await tx.select().from(questions).where(eq(questions.id, owned.row.id)).for('update');
    if (!old || old.retiredAt) return { ok: false, error: 'not_found' };
    const [answered] = await tx.select({ id: answers.id }).from(answers).where(eq(answers.questionId, old.id)).limit(1);
    if (!answered) {
      await tx.update(questions).set(columns).where(eq(questions.id, old.id));
      return { ok: true, id: old.id, caseStudyId };
    }
    await tx
      .update(questions)
      .set({ fingerprint: retiredVersionFingerprint(old.fingerprint, old.id), retiredAt: new Date() })
      .where(eq(questions.id, old.id));
    const [next] = await tx
      .insert(questions)
      .values({
        lessonId: old.lessonId,
        position: old.position,
        enabled: old.enabled,
        authored: old.authored,
        fingerprint: old.fingerprint,
        ...columns,
      })
      .returning({ id: questions.id });
    return { ok: true, id: next!.id, caseStudyId };
  });
}

export async function setQuestionEnabled({ id, enabled }: { id: string; enabled: boolean }): Promise<QuestionSaved> {
  const owned = await ownedQuestion(id);
  if (!owned) return { ok: false, error: 'not_found' };
  await owned.db.update(questions).set({ enabled }).where(eq(questions.id, owned.row.id));
  return { ok: true, id: owned.row.id, caseStudyId: owned.row.caseStudyId };
}

async function ownedLesson(id: string) {
  const user = await requireInstructor();
  if (!user || !isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: lessons.id, title: lessons.title, caseStudyId: caseStudies.id, caseTitle: caseStudies.title })
    .from(lessons)
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(and(eq(lessons.id, id), isNull(lessons.retiredAt), eq(caseStudies.ownerId, user.id)));
  return row ? { db, row } : null;
}

/** A lesson of one of the instructor's own case studies, for adding a question to it. */
export async function getLessonForAuthoring({ id }: { id: string }) {
  return (await ownedLesson(id))?.row ?? null;
}

/** Adds the instructor's own question at the end of a lesson's quiz, within the per-lesson limit. */
export async function addQuestion({
  lessonId,
  question,
}: {
  lessonId: string;
  question: EditableQuestion;
}): Promise<DalResult<{ id: string; caseStudyId: string }, 'not_found' | 'too_many'>> {
  const owned = await ownedLesson(lessonId);
  if (!owned) return { ok: false, error: 'not_found' };
  const { db, row } = owned;
  const [live] = await db
    .select({ n: count() })
    .from(questions)
    .where(and(eq(questions.lessonId, row.id), isNull(questions.retiredAt)));
  if ((live?.n ?? 0) >= MAX_LESSON_QUESTIONS) return { ok: false, error: 'too_many' };
  const [last] = await db
    .select({ position: max(questions.position) })
    .from(questions)
    .where(eq(questions.lessonId, row.id));
  const [created] = await db
    .insert(questions)
    .values({
      lessonId: row.id,
      position: Math.max(AUTHORED_POSITION, (last?.position ?? 0) + 1),
      ...toStoredColumns(question),
      source: question.source || 'Written by the instructor.',
      ...authoredMarks(),
    })
    .returning({ id: questions.id });
  return { ok: true, id: created!.id, caseStudyId: row.caseStudyId };
}
