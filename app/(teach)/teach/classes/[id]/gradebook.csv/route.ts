import { toCsv } from '@/lib/csv';
import { getGradebookByClassId } from '@/lib/dal/classes';

/**
 * The gradebook as CSV: one row per student; per assignment the counted score (%), attempts, late,
 * and whether written answers still wait for grading (the score then counts the rest only).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const book = await getGradebookByClassId({ classId: id });
  if (!book) return new Response('Not found', { status: 404 });
  const header = [
    'Student',
    'Email',
    ...book.assignments.flatMap((a) => [
      `${a.lessonTitle} (%)`,
      `${a.lessonTitle} attempts`,
      `${a.lessonTitle} late`,
      `${a.lessonTitle} waiting for grading`,
    ]),
  ];
  const rows = book.students.map((s) => [
    s.name,
    s.email,
    ...s.cells.flatMap((c) => [
      c.score === null ? null : Math.round(c.score * 1000) / 10,
      c.attempts,
      c.late ? 'yes' : 'no',
      c.pendingAttemptIds.length ? 'yes' : 'no',
    ]),
  ]);
  const slug =
    book.class.name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'class';
  return new Response(toCsv([header, ...rows]), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="gradebook-${encodeURIComponent(slug)}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
