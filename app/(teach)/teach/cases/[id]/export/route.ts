import { getCaseStudyForExport } from '@/lib/dal/question-export';
import { exportFile, isExportFormat } from '@/lib/exchange/export-file';

/**
 * A case study's questions, keys included, as a download: `?format=gift|moodle|qti`, and
 * `&lesson=<id>` for one lesson. Instructors only, for their own case studies and the shared
 * library (lib/dal/question-export.ts); anyone else gets a 404, a signed-out visitor the sign-in page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  const format = query.get('format') ?? 'gift';
  const cs = await getCaseStudyForExport({ id });
  if (!cs || !isExportFormat(format)) return new Response('Not found', { status: 404 });
  const file = exportFile(cs, format, query.get('lesson'));
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(file.body as BodyInit, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'private, no-store',
    },
  });
}
