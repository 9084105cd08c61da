import 'server-only';
import { getDb } from '@/db';
import { importGiftIntoLesson, type QuestionImport } from './internal/question-import';
import { requireInstructor } from './session';

/**
 * An instructor's GIFT upload into a lesson of their own case study: `commit: false` previews what
 * would be added and skipped, `commit: true` adds it all or nothing. Anyone else's lesson, a
 * retired one or a forged id is not_found, with nothing read from the file and nothing saved.
 */
export async function importQuestionsIntoLesson(input: {
  lessonId: string;
  text: string;
  fileName: string;
  commit: boolean;
}): Promise<QuestionImport> {
  const user = await requireInstructor();
  if (!user) return { ok: false, error: 'not_found' };
  return importGiftIntoLesson(await getDb(), { ...input, owner: { id: user.id } });
}
