import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { reviewCards } from '@/db/schema';
import { scheduleAnswer, type CardState } from '@/lib/review/schedule';

// Internal: trusts the user id it is given, so only DAL functions that checked the session call it,
// inside their submit transaction.
type Writer = Pick<Database, 'select' | 'insert'>;

/**
 * Every graded answer reschedules the learner's card for that question (made on the first answer):
 * FSRS with the learner's retention target. Quiz attempts and review rounds both call it.
 */
export async function rescheduleCards(
  db: Writer,
  input: { userId: string; retention: number; now: Date; graded: { questionId: string; credit: number }[] },
): Promise<void> {
  if (!input.graded.length) return;
  const existing = await db
    .select()
    .from(reviewCards)
    .where(
      and(
        eq(reviewCards.userId, input.userId),
        inArray(
          reviewCards.questionId,
          input.graded.map((g) => g.questionId),
        ),
      ),
    );
  const byQuestion = new Map<string, CardState>(existing.map(({ userId: _u, questionId, ...card }) => [questionId, card]));
  const rows = input.graded.map((g) => ({
    userId: input.userId,
    questionId: g.questionId,
    ...scheduleAnswer({ card: byQuestion.get(g.questionId) ?? null, credit: g.credit, now: input.now, retention: input.retention }),
  }));
  await db
    .insert(reviewCards)
    .values(rows)
    .onConflictDoUpdate({
      target: [reviewCards.userId, reviewCards.questionId],
      set: {
        due: sql`excluded.due`,
        stability: sql`excluded.stability`,
        difficulty: sql`excluded.difficulty`,
        scheduledDays: sql`excluded.scheduled_days`,
        learningSteps: sql`excluded.learning_steps`,
        reps: sql`excluded.reps`,
        lapses: sql`excluded.lapses`,
        state: sql`excluded.state`,
        lastReview: sql`excluded.last_review`,
      },
    });
}
