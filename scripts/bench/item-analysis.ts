/**
 * npm run bench:stats: item-analysis time per attempt for a class's quiz, as ratios to a baseline
 * measured in the same run (a class of 30 taking an 8-question quiz). A ratio near 1 at 30,000
 * attempts means the report grows linearly with the attempts it reads.
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '@/lib/quizgen/random';
import { buildQuizReport, type ReportAnswer, type ReportAttempt, type ReportQuestion } from '@/lib/stats/quiz-report';

const QUESTIONS: ReportQuestion[] = Array.from({ length: 8 }, (_, i) => ({
  id: `q${i}`,
  data: { type: 'single_choice', options: ['A', 'B', 'C', 'D'] },
  answerKey: { type: 'single_choice', answer: i % 4 },
}));

/** `n` attempts by n/2 learners, each answer right with a probability that rises with the learner's skill. */
function dataset(n: number) {
  const rng = createRng(n);
  const attempts: ReportAttempt[] = [];
  const answers: ReportAnswer[] = [];
  for (let a = 0; a < n; a++) {
    const id = `a${a}`;
    attempts.push({ id, userId: `u${a >> 1}`, submittedAt: new Date(Date.UTC(2030, 0, 1) + a * 1000) });
    const skill = rng.next();
    for (const q of QUESTIONS) {
      const right = rng.next() < skill;
      const choice = right ? (q.answerKey as { answer: number }).answer : Math.floor(rng.next() * 4);
      answers.push({
        attemptId: id,
        questionId: q.id,
        response: { type: 'single_choice', choice },
        correct: choice === (q.answerKey as { answer: number }).answer,
      });
    }
  }
  return { attempts, answers };
}

function timeIt(n: number, runs: number): number {
  const { attempts, answers } = dataset(n);
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    buildQuizReport({ questions: QUESTIONS, attempts, answers, scope: 'all' });
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

timeIt(30, 20); // warm-up
const base = timeIt(30, 51);
console.log(`baseline: 30 attempts × ${QUESTIONS.length} questions in ${base.toFixed(3)} ms`);
console.log('attempts   time (× baseline)   time per attempt (× baseline)');
for (const n of [300, 3_000, 30_000]) {
  const ms = timeIt(n, n >= 30_000 ? 3 : 9);
  console.log(
    `${String(n).padStart(8)}   ${(ms / base).toFixed(1).padStart(10)}×          ${(ms / n / (base / 30)).toFixed(2).padStart(8)}×`,
  );
}
