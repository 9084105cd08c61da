import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContentBlocks } from '@/components/lesson/content-blocks';
import { LessonStatus } from '@/components/progress/lesson-status';
import { ButtonLink } from '@/components/ui/button';
import { getLessonBySlug } from '@/lib/dal/catalog';
import { lessonLayout } from '@/lib/lesson/repeated-lists';

type Props = { params: Promise<{ slug: string; lesson: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, lesson } = await params;
  const found = await getLessonBySlug({ caseSlug: slug, lessonSlug: lesson });
  return { title: found?.lesson.title ?? 'Lesson' };
}

export default async function LessonPage({ params }: Props) {
  const { slug, lesson: lessonSlug } = await params;
  const found = await getLessonBySlug({ caseSlug: slug, lessonSlug });
  if (!found) notFound();
  const { caseStudy, lesson, previous, next } = found;
  const base = `/cases/${caseStudy.slug}`;
  const layout = lessonLayout(lesson.body, lesson.keyPoints);
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={base} className="text-indigo-700 hover:underline">
          {caseStudy.title}
        </Link>
      </nav>
      <header>
        <p className="text-sm text-slate-600">
          Lesson {lesson.number} of {lesson.total}
        </p>
        <h1 className="mt-1 text-2xl font-bold leading-tight sm:text-3xl">{lesson.title}</h1>
        <div className="mt-2">
          <LessonStatus progress={lesson.progress} />
        </div>
      </header>

      {layout.groups.length > 0 && (
        <aside aria-labelledby="key-points" className="rounded-xl border border-amber-200 bg-amber-50 p-5">
          <h2 id="key-points" className="mb-2 font-semibold text-amber-900">
            Key points
          </h2>
          <div className="space-y-3">
            {layout.groups.map((group, i) => (
              <div key={i}>
                {group.lead && <p className="mb-1.5 text-slate-800">{group.lead}</p>}
                <ul className="ml-5 list-disc space-y-1.5 text-slate-800">
                  {group.items.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </aside>
      )}

      <ContentBlocks blocks={layout.body} />

      <div className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="font-semibold">Check your understanding</h2>
        <p className="mt-1 text-sm text-slate-700">
          A short quiz on this lesson. You see your score and an explanation for every question.
        </p>
        <ButtonLink href={`${base}/lessons/${lesson.slug}/quiz`} className="mt-4">
          Take the quiz
        </ButtonLink>
      </div>

      <nav aria-label="Lessons" className="flex flex-wrap justify-between gap-3 text-sm">
        {previous ? (
          <Link href={`${base}/lessons/${previous.slug}`} className="text-indigo-700 hover:underline">
            ← {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link href={`${base}/lessons/${next.slug}`} className="text-right text-indigo-700 hover:underline">
            {next.title} →
          </Link>
        )}
      </nav>
    </article>
  );
}
