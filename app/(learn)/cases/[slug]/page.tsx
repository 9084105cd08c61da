import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContentBlocks } from '@/components/lesson/content-blocks';
import { LessonStatus } from '@/components/progress/lesson-status';
import { ButtonLink } from '@/components/ui/button';
import { ProgressBar } from '@/components/ui/progress-bar';
import { ExportLinks } from '@/components/teach/export-links';
import { getCaseStudyBySlug } from '@/lib/dal/catalog';
import { canExportCaseStudy } from '@/lib/dal/question-export';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const cs = await getCaseStudyBySlug({ slug: (await params).slug });
  return { title: cs?.title ?? 'Case study' };
}

/** Lessons first. The takeaways and conclusion are not printed here: they are the closing review lesson. */
export default async function CaseStudyPage({ params }: Props) {
  const cs = await getCaseStudyBySlug({ slug: (await params).slug });
  if (!cs) notFound();
  const nextLesson = cs.lessons.find((l) => !l.progress.done) ?? cs.lessons[0];
  // Instructors may take the shared library's questions (and their own) to Moodle or another quiz system.
  const exportable = await canExportCaseStudy({ id: cs.id });
  return (
    <article className="flex flex-col gap-8">
      <header>
        <p className="text-sm font-medium uppercase tracking-wide text-indigo-700">Case study</p>
        <h1 className="mt-1 text-2xl font-bold leading-tight sm:text-4xl">{cs.title}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {cs.lessons.length} lessons · {cs.readingMinutes} min read
        </p>
        <div className="mt-4 max-w-md">
          <ProgressBar value={cs.progress.percent} label="Case study progress" />
          <p className="mt-2 text-sm text-slate-700">
            {cs.progress.done} of {cs.progress.total} lessons done
          </p>
        </div>
        {nextLesson && (
          <ButtonLink href={`/cases/${cs.slug}/lessons/${nextLesson.slug}`} className="mt-4">
            {cs.progress.done === 0
              ? 'Start the first lesson'
              : cs.progress.done === cs.progress.total
                ? 'Review from the start'
                : 'Continue'}
          </ButtonLink>
        )}
        {exportable && (
          <p className="mt-4 text-sm">
            <ExportLinks caseId={cs.id} of={`the questions of ${cs.title}`} />
          </p>
        )}
      </header>

      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading" className="mb-3 text-xl font-semibold">
          Lessons
        </h2>
        <ol className="flex flex-col gap-3">
          {cs.lessons.map((l, i) => (
            <li key={l.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <span className="text-sm text-slate-500">Lesson {i + 1}</span>
                  <h3 className="font-semibold">
                    <Link href={`/cases/${cs.slug}/lessons/${l.slug}`} className="text-indigo-800 hover:underline">
                      {l.title}
                    </Link>
                  </h3>
                </div>
                <LessonStatus progress={l.progress} />
              </div>
              <ProgressBar value={l.progress.best?.percent ?? 0} label={`Best score in ${l.title}`} className="mt-3" />
            </li>
          ))}
        </ol>
      </section>

      {cs.introduction.length > 0 && (
        <section aria-labelledby="intro-heading" className="max-w-3xl">
          <h2 id="intro-heading" className="mb-3 text-xl font-semibold">
            About this case
          </h2>
          <ContentBlocks blocks={cs.introduction} />
        </section>
      )}
    </article>
  );
}
