import type { ArticlePreview } from '@/lib/dal/authoring';
import { QUESTION_TYPE_LABELS } from '@/lib/quizgen/labels';
import type { QuestionType } from '@/lib/quizgen/types';

/** What an import would create: lessons, key points and the questions with their keys and sources. */
export function ArticlePreviewView({ preview }: { preview: ArticlePreview }) {
  const questionCount = preview.lessons.reduce((n, l) => n + l.questions.length, 0);
  return (
    <section aria-labelledby="preview-heading" className="flex flex-col gap-4">
      <header>
        <h2 id="preview-heading" className="text-xl font-semibold">
          Preview: {preview.title}
        </h2>
        <p className="text-sm text-slate-700">
          {preview.lessons.length} lessons · {questionCount} questions · {preview.readingMinutes} min read
          {preview.rejected ? ` · ${preview.rejected} candidate questions rejected by the flaw checks` : ''}
        </p>
        {questionCount === 0 && (
          <p className="mt-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            Casewise wrote no questions for this article: it asks only what it can key with confidence, and found nothing of that kind here.
            You can still save it, then write your own questions or import a GIFT file in each lesson.
          </p>
        )}
      </header>
      <ol className="flex flex-col gap-4">
        {preview.lessons.map((lesson, i) => (
          <li key={i} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <h3 className="font-semibold">
              Lesson {i + 1}: {lesson.title}
            </h3>
            {lesson.keyPoints.length > 0 && (
              <ul className="mt-2 list-disc pl-5 text-sm text-slate-700">
                {lesson.keyPoints.map((k, j) => (
                  <li key={j}>{k}</li>
                ))}
              </ul>
            )}
            <ol className="mt-3 flex flex-col gap-2 text-sm">
              {lesson.questions.map((q, j) => (
                <li key={j} className="rounded-lg bg-slate-50 p-3">
                  <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                    {QUESTION_TYPE_LABELS[q.type as QuestionType] ?? q.type}
                  </p>
                  <p className="font-medium">{q.prompt}</p>
                  <p className="mt-1">
                    <span className="text-slate-600">Answer: </span>
                    {q.answer}
                  </p>
                  <p className="mt-1 break-words font-serif italic text-slate-700">“{q.source}”</p>
                </li>
              ))}
              {lesson.questions.length === 0 && <li className="text-slate-600">No questions for this lesson.</li>}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
