import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { caseStudies } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { exportableBy, readCaseForExport, type CaseForExport } from './internal/question-export';
import { requireInstructor } from './session';

/**
 * A case study's questions with their keys, for an export download: instructors only, and only
 * their own case studies or the shared library's. Anyone else, and any other id, gets null (a 404).
 */
export async function getCaseStudyForExport({ id }: { id: string }): Promise<CaseForExport | null> {
  const user = await requireInstructor();
  if (!user || !isUuid(id)) return null;
  return readCaseForExport(await getDb(), and(eq(caseStudies.id, id), exportableBy(user.id)));
}

/** Whether the signed-in user may download this case study's questions (an instructor, their own or the shared library's). */
export async function canExportCaseStudy({ id }: { id: string }): Promise<boolean> {
  const user = await requireInstructor();
  if (!user || !isUuid(id)) return false;
  const db = await getDb();
  const [row] = await db
    .select({ id: caseStudies.id })
    .from(caseStudies)
    .where(and(eq(caseStudies.id, id), exportableBy(user.id)))
    .limit(1);
  return Boolean(row);
}
