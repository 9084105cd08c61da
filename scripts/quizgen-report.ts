/** npm run quizgen:report -- <files…>: what the generator keeps and rejects, per article. */
import { readFile } from 'node:fs/promises';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { reportQuiz } from '@/lib/quizgen/export';
import { generateQuizzes } from '@/lib/quizgen/generate';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: npm run quizgen:report -- <files…>');
  process.exit(1);
}
let failed = false;
for (const file of files) {
  const text = await readFile(file, 'utf8').catch(() => null);
  const parsed = text === null ? { ok: false as const, error: 'cannot read the file' } : parseCaseStudy(text);
  if (!parsed.ok) {
    console.log(`${file}: ${parsed.error}`);
    failed = true;
    continue;
  }
  const quiz = generateQuizzes(parsed.caseStudy);
  const r = reportQuiz(quiz);
  const total = Object.values(r.kept).reduce((a, b) => a + b, 0);
  const perLesson = quiz.lessons.map((l) => l.questions.length).join(', ');
  console.log(`${file}: "${parsed.caseStudy.title}"`);
  console.log(`  lessons found:        ${r.lessons} (questions per lesson: ${perLesson})`);
  console.log(
    `  kept by kind:         ${total} — ${Object.entries(r.kept)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `  rejected by reason:   ${quiz.rejected.length}${Object.entries(r.rejected)
      .map(([k, n]) => `\n    ${k}: ${n}`)
      .join('')}`,
  );
  console.log(`  key position (single choice, A..E): ${r.keyPositions.join(' / ') || 'none'}`);
  console.log(
    `  by family:            ${Object.entries(r.byFamily)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `  by level:             ${Object.entries(r.byLevel)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  console.log(`  understand or above:  ${Math.round(r.understandingShare * 100)}%`);
  console.log(`  key is the longest option: ${Math.round(r.keyLongestShare * 100)}% of single-choice questions`);
}
process.exitCode = failed ? 1 : 0;
