import { and, count, eq, isNull, max } from 'drizzle-orm';
import type { Database } from '@/db';
import { caseStudies, lessons, questions } from '@/db/schema';
import { essayImportNote, planLessonImport } from '@/lib/gift/lesson-import';
import { describeKey } from '@/lib/grading/describe';
import type { Skipped } from '@/lib/gift/import';
import { isUuid } from '@/lib/ids';
import { toStoredColumns } from '@/lib/questions/editor';
import { MAX_LESSON_QUESTIONS, OPEN_RESPONSE, type StoredQuestionType } from '@/lib/questions/kinds';
import type { DalResult } from '../result';
import { AUTHORED_POSITION, authoredMarks } from './authored';

export type QuestionImportError = 'not_found' | 'not_gift' | 'nothing_to_add' | 'too_many';

export type QuestionImport = DalResult<
  {
    caseStudyId: string;
    lessonTitle: string;
    /** What is (or would be) added, in file order. */
    questions: { line: number; type: StoredQuestionType; prompt: string; answer: string; note?: string; intro?: string }[];
    skipped: Skipped[];
    /** Ids of the questions added; empty for a preview. */
    ids: string[];
  },
  QuestionImportError
>;

/**
 * Reads a GIFT file and adds its questions to one lesson, all or nothing, in one transaction: the
 * lesson row is locked so two imports cannot both pass the per-lesson limit. `owner` is the
 * instructor who must own the case study, or 'operator' for the command line (no session, like
 * `npm run import`). With `commit: false` it only says what would be added. Imported questions are
 * the instructor's own (authoredMarks), so a re-import of the article never touches them.
 */
export async function importGiftIntoLesson(
  db: Database,
  {
    lessonId,
    owner,
    text,
    fileName,
    commit,
  }: { lessonId: string; owner: { id: string } | 'operator'; text: string; fileName: string; commit: boolean },
): Promise<QuestionImport> {
  if (!isUuid(lessonId)) return { ok: false, error: 'not_found' };
  const plan = planLessonImport(text);
  return db.transaction(async (tx): Promise<QuestionImport> => {
    const [lesson] = await tx
      .select({ id: lessons.id, title: lessons.title, caseStudyId: caseStudies.id })
      .from(lessons)
      .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
      .where(and(eq(lessons.id, lessonId), isNull(lessons.retiredAt), owner === 'operator' ? undefined : eq(caseStudies.ownerId, owner.id)))
      .for('update', { of: lessons });
    // Asked only after the lesson is known to be the caller's, so a stranger learns nothing from the file's errors.
    if (!lesson) return { ok: false, error: 'not_found' };
    if (!plan.ok) return { ok: false, error: 'not_gift', message: `Line ${plan.line}: ${plan.reason}.` };
    const listed = plan.questions.map((q) => {
      const { data, answerKey } = toStoredColumns(q);
      // Every accepted answer of a fill-in, not only the first: the instructor checks them all.
      const answer = q.type === 'fill_blank' ? q.answer.join('; ') : describeKey(data, answerKey);
      return {
        line: q.line,
        type: q.type,
        prompt: q.prompt,
        answer,
        ...(q.type === OPEN_RESPONSE ? { note: essayImportNote(q.modelAnswer) } : {}),
        ...(q.intro ? { intro: q.intro } : {}),
      };
    });
    const found = { caseStudyId: lesson.caseStudyId, lessonTitle: lesson.title, questions: listed, skipped: plan.skipped };
    if (!plan.questions.length) {
      // A preview still lists what was skipped and why; adding nothing is refused.
      return commit
        ? { ok: false, error: 'nothing_to_add', message: 'The file has no question Casewise can add.' }
        : { ok: true, ...found, ids: [] };
    }
    const [live] = await tx
      .select({ n: count() })
      .from(questions)
      .where(and(eq(questions.lessonId, lesson.id), isNull(questions.retiredAt)));
    const has = live?.n ?? 0;
    if (has + plan.questions.length > MAX_LESSON_QUESTIONS)
      return {
        ok: false,
        error: 'too_many',
        message: `A lesson keeps at most ${MAX_LESSON_QUESTIONS} questions: this one has ${has}, and the file adds ${plan.questions.length}. Import fewer questions at a time into it.`,
      };
    if (!commit) return { ok: true, ...found, ids: [] };
    const [last] = await tx
      .select({ position: max(questions.position) })
      .from(questions)
      .where(eq(questions.lessonId, lesson.id));
    const first = Math.max(AUTHORED_POSITION, (last?.position ?? 0) + 1);
    const name =
      fileName
        .replace(/[\s\u0000-\u001F\u007F]+/g, ' ')
        .trim()
        .slice(0, 200) || 'a GIFT file';
    const source = (line: number) => `Imported from ${name}, line ${line}.`;
    const inserted = await tx
      .insert(questions)
      .values(
        plan.questions.map(({ line, category: _category, title: _title, introLine: _introLine, ...q }, i) => ({
          lessonId: lesson.id,
          position: first + i,
          ...toStoredColumns(q),
          source: source(line),
          ...authoredMarks(),
        })),
      )
      .returning({ id: questions.id, position: questions.position });
    return { ok: true, ...found, ids: inserted.sort((a, b) => a.position - b.position).map((r) => r.id) };
  });
}
