import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ItemChart, ScoreChart } from '@/components/teach/analysis-charts';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { getItemAnalysis } from '@/lib/dal/analysis';
import { KIND_LABELS } from '@/lib/questions/labels';
import { MIN_ATTEMPTS_FOR_FLAGS } from '@/lib/stats/quiz-report';

export const metadata: Metadata = { title: 'Item analysis' };

type Props = { params: Promise<{ lessonId: string }>; searchParams: Promise<{ class?: string | string[]; attempts?: string | string[] }> };

const NOT_ENOUGH = 'not enough data';
const pct = (v: number | null, digits = 0) => (v === null ? NOT_ENOUGH : `${(v * 100).toFixed(digits)}%`);

export default async function ItemAnalysisPage({ params, searchParams }: Props) {
  const [{ lessonId }, query] = await Promise.all([params, searchParams]);
  const classId = typeof query.class === 'string' && query.class ? query.class : undefined;
  const scope = query.attempts === 'all' ? 'all' : 'first';
  const analysis = await getItemAnalysis({ lessonId, classId, scope });
  if (!analysis) notFound();
  const { report, questions } = analysis;
  // Moodle shows test statistics as a percentage of the maximum mark; each attempt's own maximum
  // (the questions it had) here, so a question added later is not a zero in earlier attempts.
  const ofMax = (v: number | null, digits = 1) => pct(v, digits);
  const testStats: [string, string, string][] = [
    ['Attempts', String(report.test.attempts), scope === 'first' ? 'first attempt of each student' : 'every attempt'],
    ['Mean', ofMax(report.test.mean), 'average score'],
    ['Median', ofMax(report.test.median), 'middle score'],
    ['Standard deviation', ofMax(report.test.sd), 'spread of scores'],
    [
      "Cronbach's alpha",
      pct(report.test.alpha, 1),
      report.alphaItems ? `internal consistency, over the ${report.alphaItems} questions every attempt had` : 'internal consistency',
    ],
    ['Error ratio', pct(report.test.errorRatio, 1), 'share of spread that is noise'],
    ['Standard error', ofMax(report.test.standardError), 'of a score'],
  ];
  const backHref = analysis.classId ? `/teach/classes/${analysis.classId}` : '/teach/classes';
  const flagged = questions.filter((q) => q.flags.length);

  return (
    <div className="flex flex-col gap-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href={backHref} className="hover:underline">
            ← {analysis.classId ? (analysis.classes.find((c) => c.id === analysis.classId)?.name ?? 'Class') : 'Your classes'}
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">Item analysis</h1>
        <p className="mt-1 text-slate-700">
          Quiz: {analysis.lesson.title} · {analysis.lesson.caseTitle}. {analysis.students}{' '}
          {analysis.students === 1 ? 'student' : 'students'}. Definitions as in Moodle&apos;s quiz statistics report.
        </p>
      </header>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <SelectField label="Class" name="class" defaultValue={analysis.classId ?? ''}>
          <option value="">All my classes</option>
          {analysis.classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Attempts" name="attempts" defaultValue={scope}>
          <option value="first">First attempts</option>
          <option value="all">All attempts</option>
        </SelectField>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>

      <section aria-labelledby="quiz-stats">
        <h2 id="quiz-stats" className="mb-3 text-lg font-semibold">
          Quiz
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {testStats.map(([label, value, hint]) => (
            <div key={label} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</dt>
              <dd className={`mt-1 font-semibold ${value === NOT_ENOUGH ? 'text-sm text-slate-500' : 'text-xl'}`}>{value}</dd>
              <dd className="text-xs text-slate-600">{hint}</dd>
            </div>
          ))}
        </dl>
      </section>

      {report.test.attempts === 0 ? (
        <p className="text-slate-700">No attempts yet. The numbers appear once students take the quiz.</p>
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <ItemChart
            items={questions.map((q) => ({ label: `Q${q.number}`, facility: q.stats.facility, discrimination: q.stats.discrimination }))}
          />
          <ScoreChart distribution={report.distribution} />
        </div>
      )}

      {report.test.attempts > 0 && !report.flagsShown && (
        <p role="note" className="rounded-xl border border-slate-200 bg-slate-50 p-4 text-sm text-slate-800">
          No question is flagged yet: flags need at least {MIN_ATTEMPTS_FOR_FLAGS} attempts, and this report has {report.test.attempts}.
          With fewer, one student&apos;s guess moves every index. The numbers below are shown as they are.
        </p>
      )}

      {flagged.length > 0 && (
        <section aria-labelledby="flags-heading" className="rounded-xl border border-amber-200 bg-amber-50 p-4">
          <h2 id="flags-heading" className="mb-2 text-lg font-semibold text-amber-950">
            Questions to look at ({flagged.length})
          </h2>
          <ul className="flex flex-col gap-1 text-sm text-amber-950">
            {flagged.map((q) => (
              <li key={q.id}>
                Q{q.number}: {q.flags.join(', ')}
                {q.editHref && (
                  <>
                    {' '}
                    ·{' '}
                    <Link href={q.editHref} className="font-semibold underline">
                      Edit question {q.number}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="items-heading">
        <h2 id="items-heading" className="mb-3 text-lg font-semibold">
          Questions
        </h2>
        <div
          className="scroll-hint relative overflow-x-auto rounded-xl border border-slate-200"
          tabIndex={0}
          role="region"
          aria-label="Question statistics"
        >
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left">
                {['#', 'Question', 'Facility', 'SD', 'Discrimination', 'Efficiency', 'Flags'].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => (
                <tr key={q.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-semibold">
                    Q{q.number}
                  </th>
                  <td className="min-w-56 px-3 py-2">
                    <span className="block">{q.prompt}</span>
                    <span className="text-xs text-slate-600">
                      {KIND_LABELS[q.type]}
                      {q.inQuiz ? '' : ' · no longer in the quiz'}
                      {q.versionIds.length > 1 ? ` · ${q.versionIds.length} versions counted as one (shown: the latest)` : ''}
                    </span>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{pct(q.stats.facility)}</td>
                  <td className="px-3 py-2 tabular-nums">{pct(q.stats.sd)}</td>
                  <td className="px-3 py-2 tabular-nums">{pct(q.stats.discrimination)}</td>
                  <td className="px-3 py-2 tabular-nums">{pct(q.stats.efficiency)}</td>
                  <td className="px-3 py-2">
                    {q.flags.length ? q.flags.join(', ') : '—'}
                    {q.flags.length > 0 && q.editHref && (
                      <Link href={q.editHref} className="ml-1 block font-semibold text-indigo-800 underline">
                        Edit<span className="sr-only"> question {q.number}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="options-heading">
        <h2 id="options-heading" className="mb-3 text-lg font-semibold">
          Answers chosen
        </h2>
        <ul className="grid gap-3 md:grid-cols-2">
          {questions
            .filter((q) => q.options)
            .map((q) => {
              const answered = Math.max(1, q.answered);
              return (
                <li key={q.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                  <p className="text-sm font-semibold">
                    Q{q.number}. {q.prompt}
                  </p>
                  <ul className="mt-2 flex flex-col gap-1.5 text-sm">
                    {q.options!.map((o, i) => (
                      <li key={i}>
                        <div className="flex justify-between gap-2">
                          <span className={o.isKey ? 'font-semibold text-emerald-900' : ''}>
                            {o.isKey ? '✓ ' : ''}
                            {o.label}
                            {o.isKey && <span className="sr-only"> (right answer)</span>}
                          </span>
                          <span className="tabular-nums text-slate-700">{o.count}</span>
                        </div>
                        <div className="mt-0.5 h-2 rounded bg-slate-100" aria-hidden="true">
                          <div
                            className={`h-2 rounded ${o.isKey ? 'bg-emerald-600' : o.count ? 'bg-indigo-500' : ''}`}
                            style={{ width: `${(o.count / answered) * 100}%` }}
                          />
                        </div>
                      </li>
                    ))}
                  </ul>
                  {q.blank > 0 && <p className="mt-2 text-xs text-slate-600">Left blank: {q.blank}</p>}
                </li>
              );
            })}
        </ul>
      </section>
    </div>
  );
}
