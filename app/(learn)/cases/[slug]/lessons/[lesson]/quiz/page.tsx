import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { QuizForm } from '@/components/quiz/quiz-form';
import { submitQuizAction } from '@/app/(learn)/actions';
import { getQuizByLesson } from '@/lib/dal/catalog';

type Props = { params: Promise<{ slug: string; lesson: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, lesson } = await params;
  const quiz = await getQuizByLesson({ caseSlug: slug, lessonSlug: lesson });
  return { title: quiz ? `Quiz: ${quiz.lesson.title}` : 'Quiz' };
}

export default async function QuizPage({ params }: Props) {
  const { slug, lesson } = await params;
  const quiz = await getQuizByLesson({ caseSlug: slug, lessonSlug: lesson });
  if (!quiz) notFound();
  const lessonHref = `/cases/${quiz.caseStudy.slug}/lessons/${quiz.lesson.slug}`;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={lessonHref} className="text-indigo-700 hover:underline">
          ← Back to the lesson
        </Link>
      </nav>
      <header>
        <p className="text-sm text-slate-600">{quiz.caseStudy.title}</p>
        <h1 className="mt-1 text-2xl font-bold leading-tight sm:text-3xl">Quiz: {quiz.lesson.title}</h1>
        <p className="mt-2 text-slate-700">
          {quiz.questions.length} questions. Unanswered questions count as wrong.{' '}
          {quiz.attempts.allowed === null
            ? 'You can retake the quiz as often as you like.'
            : `Your class allows ${quiz.attempts.allowed} ${quiz.attempts.allowed === 1 ? 'attempt' : 'attempts'}; this is attempt ${Math.min(quiz.attempts.used + 1, quiz.attempts.allowed)}.`}
        </p>
      </header>
      {quiz.attempts.left === 0 ? (
        <p role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800">
          You have used {quiz.attempts.allowed === 1 ? 'the one attempt' : `all ${quiz.attempts.allowed} attempts`} your class allows on
          this quiz. Your results are on your{' '}
          <Link href="/dashboard" className="text-indigo-700 underline">
            dashboard
          </Link>
          .
        </p>
      ) : quiz.questions.length ? (
        // A fresh key per rendered form: submitting it twice grades it once.
        <QuizForm action={submitQuizAction} lessonId={quiz.lesson.id} submissionKey={randomUUID()} questions={quiz.questions} />
      ) : (
        <p>This lesson has no questions yet.</p>
      )}
    </div>
  );
}
