import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { importQuestionsAction } from '@/app/(teach)/question-import-actions';
import { GiftImportForm } from '@/components/teach/gift-import-form';
import { getLessonForAuthoring } from '@/lib/dal/questions';
import { MAX_LESSON_QUESTIONS } from '@/lib/questions/kinds';

export const metadata: Metadata = { title: 'Import questions' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ lesson?: string | string[] }> };

export default async function ImportQuestionsPage({ params, searchParams }: Props) {
  const [{ id }, { lesson: lessonId }] = await Promise.all([params, searchParams]);
  const lesson = typeof lessonId === 'string' ? await getLessonForAuthoring({ id: lessonId }) : null;
  if (!lesson || lesson.caseStudyId !== id) notFound();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href={`/teach/cases/${id}`} className="hover:underline">
            ← {lesson.caseTitle}
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">Import questions</h1>
        <p className="mt-1 text-slate-700">
          Into the quiz of “{lesson.title}”, from a GIFT file (Moodle&apos;s plain-text question format). You see what will be added and
          what is skipped before anything is saved; a lesson keeps at most {MAX_LESSON_QUESTIONS} questions. An essay becomes a
          written-answer question you grade: its general feedback (####) is the model answer, and its rubric starts with one criterion you
          can refine. A description (text between questions) is shown, ungraded, just above the question after it.
        </p>
      </header>
      <GiftImportForm action={importQuestionsAction} lessonId={lesson.id} lessonTitle={lesson.title} />
    </div>
  );
}
