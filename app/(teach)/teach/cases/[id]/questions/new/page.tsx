import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { addQuestionAction } from '@/app/(teach)/case-actions';
import { QuestionEditor } from '@/components/teach/question-editor';
import { getLessonForAuthoring } from '@/lib/dal/questions';
import { emptyEditorForm } from '@/lib/questions/editor';

export const metadata: Metadata = { title: 'Add a question' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ lesson?: string | string[] }> };

export default async function NewQuestionPage({ params, searchParams }: Props) {
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
        <h1 className="text-2xl font-bold sm:text-3xl">Add a question</h1>
        <p className="mt-1 text-slate-700">
          To the quiz of “{lesson.title}”. It comes after the generated questions and stays when the article is imported again.
        </p>
      </header>
      <QuestionEditor action={addQuestionAction} initial={emptyEditorForm('single_choice')} hidden={{ lessonId: lesson.id }} chooseType />
    </div>
  );
}
