/**
 * npm run bench: generation time per article and per kilobyte, as ratios to a baseline measured in
 * the same run (the seed article), so the numbers compare across machines. A 1 MB article must
 * complete, and its time per KB should stay near the seed's (ratio ≈ 1 means linear growth).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { generateQuizzes } from '@/lib/quizgen/generate';

const seed = readFileSync('content/alibaba-ai-comeback.txt', 'utf8');
const body = seed.split('\n').slice(3).join('\n');

/** The seed's sections repeated (with numbered headings so each stays its own lesson) up to `bytes`. */
function articleOf(bytes: number): string {
  let text = 'Benchmark Case Study\n\n';
  for (let i = 0; text.length < bytes; i++) text += `${body.replace(/^(What|How|The|AI)(.*)$/gm, `$1$2 (${i})`)}\n\n`;
  return text;
}

function timeIt(text: string, runs: number): number {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const parsed = parseCaseStudy(text);
    if (!parsed.ok) throw new Error(parsed.error);
    generateQuizzes(parsed.caseStudy);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

timeIt(seed, 5); // warm-up
const baseMs = timeIt(seed, 15);
const basePerKb = baseMs / (seed.length / 1024);
console.log(`baseline: seed article ${(seed.length / 1024).toFixed(1)} KB in ${baseMs.toFixed(1)} ms (${basePerKb.toFixed(2)} ms/KB)`);
console.log('size      time/article (× seed)   time per KB (× seed)');
for (const kb of [32, 128, 512, 1024]) {
  const text = articleOf(kb * 1024);
  const ms = timeIt(text, kb >= 512 ? 1 : 3);
  const perKb = ms / (text.length / 1024);
  console.log(
    `${String(kb).padStart(5)} KB  ${(ms / baseMs).toFixed(1).padStart(10)}×             ${(perKb / basePerKb).toFixed(2).padStart(6)}×`,
  );
}
