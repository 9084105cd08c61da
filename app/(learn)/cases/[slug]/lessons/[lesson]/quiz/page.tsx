import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { QuizForm } from '@/components/quiz/quiz-form';
import { saveDraftAction, submitQuizAction } from '@/app/(learn)/actions';
import { getQuizTerms } from '@/lib/dal/attempts';
import { getQuizByLesson } from '@/lib/dal/catalog';
import { getQuizDraft } from '@/lib/dal/drafts';
import { arrangeQuiz, seedFromKey } from '@/lib/grading/arrange';
import { formatDate, formatShortDate } from '@/lib/format';

type Props = {
  params: Promise<{ slug: string; lesson: string }>;
  /** ?assignment=<id>: the class assignment the attempt is for; none: practice. */
  searchParams: Promise<{ assignment?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, lesson } = await params;
  const quiz = await getQuizByLesson({ caseSlug: slug, lessonSlug: lesson });
  return { title: quiz ? `Quiz: ${quiz.lesson.title}` : 'Quiz' };
}

const attemptWord = (n: number) => (n === 1 ? 'attempt' : 'attempts');

export default async function QuizPage({ params, searchParams }: Props) {
  const [{ slug, lesson }, query] = await Promise.all([params, searchParams]);
  const quiz = await getQuizByLesson({ caseSlug: slug, lessonSlug: lesson });
  if (!quiz) notFound();
  const lessonHref = `/cases/${quiz.caseStudy.slug}/lessons/${quiz.lesson.slug}`;
  const quizHref = `${lessonHref}/quiz`;
  // A repeated parameter is not an assignment of theirs; an empty one is practice.
  const asked = query.assignment === undefined ? null : typeof query.assignment === 'string' ? query.assignment : '-';
  const terms = await getQuizTerms({ lessonId: quiz.lesson.id, assignmentId: asked });
  const header = (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={lessonHref} className="text-indigo-700 hover:underline">
          ← Back to the lesson
        </Link>
      </nav>
      <header>
        <p className="text-sm text-slate-600">{quiz.caseStudy.title}</p>
        <h1 className="mt-1 text-2xl font-bold leading-tight sm:text-3xl">Quiz: {quiz.lesson.title}</h1>
      </header>
    </>
  );
  if (!terms)
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        {header}
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
          This quiz is not assigned to you under that link: the assignment does not exist, is for another lesson, or belongs to a class you
          are not in. Open your class&rsquo;s quizzes from your{' '}
          <Link href="/dashboard" className="underline">
            dashboard
          </Link>
          , or{' '}
          <Link href={quizHref} className="underline">
            practise this quiz
          </Link>{' '}
          (practice does not count for any class).
        </p>
      </div>
    );
  const chosen = terms.assignment;
  // A fresh key per rendered form: submitting it twice grades it once, and it seeds this
  // attempt's draw and order, which the server works out again from it when grading.
  const submissionKey = randomUUID();
  const shown = arrangeQuiz(quiz.questions, seedFromKey(submissionKey)).map((s) => ({ ...s.question, data: s.data }));
  const written = shown.some((q) => q.data.type === 'open_response');
  const draft = written ? await getQuizDraft({ lessonId: quiz.lesson.id }) : null;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      {header}
      <section aria-label="What this attempt counts for" className="flex flex-col gap-2 text-slate-700">
        <p>
          {shown.length} {shown.length === 1 ? 'question' : 'questions'}
          {shown.length < quiz.questions.length ? ` drawn from the lesson's ${quiz.questions.length}` : ''}, shuffled for each attempt.
          Unanswered questions count as wrong.{' '}
          {written &&
            'Written answers are saved as you type and graded by your instructor; the rest of your score shows as soon as you submit. '}
          {chosen
            ? `This attempt counts for ${chosen.className}, due ${formatShortDate(chosen.dueAt)}. ` +
              (chosen.attemptsAllowed === null
                ? 'Your class lets you retake it as often as you like.'
                : `Your class allows ${chosen.attemptsAllowed} ${attemptWord(chosen.attemptsAllowed)}; this is attempt ${Math.min(chosen.used + 1, chosen.attemptsAllowed)}.`)
            : 'This is practice: it does not count for any class, and you can retake it as often as you like.'}
        </p>
        {terms.reviewHiddenUntil && (
          <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Your class shows the right answers of this quiz after the due date, {formatDate(terms.reviewHiddenUntil)}. Until then your
            results show what you answered.
          </p>
        )}
        {terms.others.length > 0 && (
          <div className="text-sm">
            <p>{chosen ? 'Also assigned to you:' : 'Assigned to you — take it for your class:'}</p>
            <ul className="ml-5 list-disc">
              {terms.others.map((a) => (
                <li key={a.id}>
                  <Link href={`${quizHref}?assignment=${a.id}`} className="text-indigo-700 underline">
                    Take it for {a.className}
                  </Link>{' '}
                  (due {formatShortDate(a.dueAt)}
                  {a.attemptsAllowed !== null ? `, ${a.used} of ${a.attemptsAllowed} ${attemptWord(a.attemptsAllowed)} used` : ''})
                </li>
              ))}
            </ul>
          </div>
        )}
        {chosen && (
          <p className="text-sm">
            <Link href={quizHref} className="text-indigo-700 underline">
              Practise instead
            </Link>{' '}
            (does not count for {chosen.className}).
          </p>
        )}
      </section>
      {chosen && chosen.left === 0 ? (
        <p role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800">
          You have used {chosen.attemptsAllowed === 1 ? 'the one attempt' : `all ${chosen.attemptsAllowed} attempts`} your class allows on
          this quiz. Your results are on your{' '}
          <Link href="/dashboard" className="text-indigo-700 underline">
            dashboard
          </Link>
          .
        </p>
      ) : shown.length ? (
        <QuizForm
          action={submitQuizAction}
          lessonId={quiz.lesson.id}
          assignmentId={chosen?.id ?? null}
          submissionKey={submissionKey}
          questions={shown}
          saveDraft={written ? saveDraftAction : undefined}
          draft={draft?.texts}
        />
      ) : (
        <p>This lesson has no questions yet.</p>
      )}
    </div>
  );
}
