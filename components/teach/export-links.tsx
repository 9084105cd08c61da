import { EXPORT_FORMATS, type ExportFormat } from '@/lib/exchange/export-file';

/**
 * Download links for a case study's or a lesson's questions, one per format. Plain anchors: a
 * download is a file, not a page to prefetch. `of` names what is exported for screen readers.
 */
export function ExportLinks({
  caseId,
  lessonId,
  of,
  inUse,
}: {
  caseId: string;
  lessonId?: string;
  of: string;
  /** How many questions are in use, where the page knows: with none, the links would give an empty file. */
  inUse?: number;
}) {
  const href = (format: ExportFormat) =>
    `/teach/cases/${caseId}/export?format=${format}${lessonId ? `&lesson=${encodeURIComponent(lessonId)}` : ''}`;
  if (inUse === 0)
    return (
      <span className="text-slate-700">
        Nothing to export yet: no question is in use. Write one, or import a GIFT file, in a lesson below.
      </span>
    );
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className="text-slate-700">Export:</span>
      {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
        <a
          key={format}
          href={href(format)}
          download
          className="inline-flex min-h-11 items-center font-medium text-indigo-800 hover:underline sm:min-h-0"
        >
          {EXPORT_FORMATS[format].label}
          <span className="sr-only"> of {of}</span>
        </a>
      ))}
    </span>
  );
}
