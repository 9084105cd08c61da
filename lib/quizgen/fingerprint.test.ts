import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { generateQuizzes } from './generate';
import { toStoredQuestion } from './stored';

const generate = (text: string, keep?: ReadonlySet<string>) => {
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return generateQuizzes(parsed.caseStudy, { keep });
};
const prints = (quiz: ReturnType<typeof generate>) => quiz.lessons.map((l) => l.questions.map((q) => toStoredQuestion(q).fingerprint));

describe('question identity', () => {
  const text = readFileSync(path.join(process.cwd(), 'content/alibaba-ai-comeback.txt'), 'utf8');
  const before = generate(text);

  it('keeps the id of every question that does not come from an edited paragraph, in its lesson and elsewhere', () => {
    const paragraph = text.split('\n\n').find((p) => p.startsWith('What’s really cool'))!;
    const edited = text.replace(
      paragraph,
      'Alibaba has also used AI in healthcare, analysing public data to warn hospitals of outbreaks early.',
    );
    expect(edited).not.toBe(text);
    // A re-import passes the stored quiz's fingerprints, as lib/dal/internal/store-article.ts does.
    const after = generate(edited, new Set(prints(before).flat()));
    const kept = new Set(prints(after).flat());
    before.lessons.forEach((lesson, i) => {
      lesson.questions.forEach((q, j) => {
        if (paragraph.includes(q.source.slice(0, 40))) return;
        // A question whose wrong option came from the paragraph may no longer be written; a re-import
        // keeps it all the same, for its sentences are still there (lib/dal/reimport-identity.test.ts).
        if (
          (q.type === 'single_choice' || q.type === 'multiple_choice') &&
          q.options.some((o) => paragraph.includes(o.replace(/^To /, '')))
        )
          return;
        expect(kept.has(prints(before)[i]![j]!), q.prompt).toBe(true);
      });
    });
  });

  it('comes from family, source and key, not from distractors or wording around them', () => {
    // The seed has no single-choice question since v9; the Harbor Coffee fixture has.
    const harbor = generate(readFileSync(path.join(process.cwd(), 'test/fixtures/harbor-coffee.md'), 'utf8'));
    const q = harbor.lessons.flatMap((l) => l.questions).find((x) => x.type === 'single_choice')!;
    if (q.type !== 'single_choice') throw new Error('no single choice');
    const key = q.options[q.answer]!;
    const reshuffled = {
      ...q,
      options: [...q.options].reverse(),
      answer: q.options.length - 1 - q.answer,
      explanation: 'Another explanation.',
    };
    expect(toStoredQuestion(reshuffled).fingerprint).toBe(toStoredQuestion(q).fingerprint);
    const otherKey = { ...q, options: q.options.map((o) => (o === key ? `${o} (changed)` : o)) };
    expect(toStoredQuestion(otherKey).fingerprint).not.toBe(toStoredQuestion(q).fingerprint);
  });
});
