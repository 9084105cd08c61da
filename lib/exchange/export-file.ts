import { caseToGift, questionsToGift } from '@/lib/gift/export';
import type { EditableQuestion } from '@/lib/questions/editor';
import { caseToMoodleXml, questionsToMoodleXml } from './moodle-xml';
import { caseToQtiPackage, questionsToQtiPackage } from './qti';

/** The formats a case study or a lesson downloads in (the review page's "Export"). */
export const EXPORT_FORMATS = {
  gift: { label: 'GIFT', extension: 'gift', contentType: 'text/plain; charset=utf-8' },
  moodle: { label: 'Moodle XML', extension: 'xml', contentType: 'application/xml; charset=utf-8' },
  qti: { label: 'QTI 3.0 package', extension: 'zip', contentType: 'application/zip' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export const isExportFormat = (value: string | null): value is ExportFormat => value !== null && Object.hasOwn(EXPORT_FORMATS, value);

interface Exportable {
  slug: string;
  title: string;
  lessons: { id: string; slug: string; title: string; questions: EditableQuestion[] }[];
}

/** A file name safe in a Content-Disposition header: letters, digits and hyphens only. */
const safeName = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'questions';

/**
 * The download of a whole case study, or of one of its lessons (lessonId): its bytes, type and file
 * name. Null when the lesson is not one of the case study's.
 */
export function exportFile(
  cs: Exportable,
  format: ExportFormat,
  lessonId: string | null,
): { body: string | Uint8Array; contentType: string; fileName: string } | null {
  const { extension, contentType } = EXPORT_FORMATS[format];
  const suffix = format === 'qti' ? '-qti' : '';
  if (lessonId === null) {
    const body =
      format === 'gift'
        ? caseToGift(cs.title, cs.lessons)
        : format === 'moodle'
          ? caseToMoodleXml(cs.title, cs.lessons)
          : caseToQtiPackage(cs.title, cs.lessons);
    return { body, contentType, fileName: `${safeName(cs.slug)}${suffix}.${extension}` };
  }
  const lesson = cs.lessons.find((l) => l.id === lessonId);
  if (!lesson) return null;
  const category = [cs.title, lesson.title];
  const body =
    format === 'gift'
      ? questionsToGift(lesson.questions, { category })
      : format === 'moodle'
        ? questionsToMoodleXml(lesson.questions, { category })
        : questionsToQtiPackage(lesson.questions, { category });
  return { body, contentType, fileName: `${safeName(cs.slug)}-${safeName(lesson.slug)}${suffix}.${extension}` };
}
