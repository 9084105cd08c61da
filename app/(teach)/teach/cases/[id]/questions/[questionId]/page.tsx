import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { saveQuestionAction } from '@/app/(teach)/case-actions';
import { QuestionEditor } from '@/components/teach/question-editor';
import { getQuestionForEdit } from '@/lib/dal/questions';
import { KIND_LABELS } from '@/lib/questions/labels';

export const metadata: Metadata = { title: 'Edit a question' };

export default async function EditQuestionPage({ params }: { params: Promise<{ id: string; questionId: string }> }) {
  const { id, questionId } = await params;
  const question = await getQuestionForEdit({ id: questionId });
  if (!question || question.caseStudyId !== id) notFound();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href={`/teach/cases/${id}#q-${question.id}`} className="hover:underline">
            ← {question.caseTitle}
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">Edit a question</h1>
        <p className="mt-1 text-slate-700">
          {KIND_LABELS[question.form.type]} · {question.lessonTitle}
          {question.enabled ? '' : ' · disabled'}. Your edit is kept when the article is imported again.
        </p>
      </header>
      <QuestionEditor action={saveQuestionAction} initial={question.form} hidden={{ questionId: question.id, caseStudyId: id }} />
    </div>
  );
}
