import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { reviewCards } from '@/db/schema';
import { scheduleAnswer, type CardState } from '@/lib/review/schedule';

// Internal: trusts the user id it is given, so only DAL functions that checked the session call it,
// inside their submit transaction.
type Writer = Pick<Database, 'execute'>;
type Graded = { questionId: string; credit: number };
/** A card as the statement below writes it: dates as ISO text, read back by jsonb_to_recordset. */
type CardRow = Omit<CardState, 'due' | 'lastReview'> & { questionId: string; due: string; lastReview: string | null };

/** The rows of db.execute's result: postgres.js gives an array, PGlite an object holding one. */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

const ids = (graded: Graded[]) => JSON.stringify(graded.map((g) => g.questionId));

/**
 * The learner's cards for these questions as one json value, to read inside another statement (the
 * submit's lock): `[{questionId, due, …}]`, or `[]`.
 */
export function existingCardsSql(userId: string, graded: Graded[]): SQL<unknown> {
  return sql`coalesce((
    select json_agg(json_build_object('questionId', c.question_id, 'due', c.due, 'stability', c.stability,
      'difficulty', c.difficulty, 'scheduledDays', c.scheduled_days, 'learningSteps', c.learning_steps, 'reps', c.reps,
      'lapses', c.lapses, 'state', c.state, 'lastReview', c.last_review))
    from review_cards c
    where c.user_id = ${userId} and c.question_id in (select jsonb_array_elements_text(${ids(graded)}::jsonb)::uuid)
  ), '[]'::json)`;
}

/**
 * Every graded answer reschedules the learner's card for that question (made on the first answer):
 * FSRS with the learner's retention target, from the cards existingCardsSql read. The rows come
 * back as one json parameter for nextCardsWriteSql, so a quiz of any length is one short statement.
 */
export function nextCards(existing: unknown, input: { retention: number; now: Date; graded: Graded[] }): string {
  const rows = (typeof existing === 'string' ? JSON.parse(existing) : existing) as CardRow[];
  const byQuestion = new Map<string, CardState>(
    rows.map(({ questionId, due, lastReview, ...card }) => [
      questionId,
      { ...card, due: new Date(due), lastReview: lastReview === null ? null : new Date(lastReview) },
    ]),
  );
  return JSON.stringify(
    input.graded.map((g) => ({
      questionId: g.questionId,
      ...scheduleAnswer({ card: byQuestion.get(g.questionId) ?? null, credit: g.credit, now: input.now, retention: input.retention }),
    })),
  );
}

/** Inserts or moves the cards nextCards worked out, when `when` holds (usable as a data-modifying CTE's body). */
export function nextCardsWriteSql(userId: string, cards: string, when: SQL = sql`true`): SQL<unknown> {
  return sql`insert into ${reviewCards} (user_id, question_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review)
    select ${userId}, c."questionId", c.due, c.stability, c.difficulty, c."scheduledDays", c."learningSteps", c.reps, c.lapses, c.state, c."lastReview"
    from jsonb_to_recordset(${cards}::jsonb) as c("questionId" uuid, due timestamptz, stability double precision, difficulty double precision,
      "scheduledDays" integer, "learningSteps" integer, reps integer, lapses integer, state integer, "lastReview" timestamptz)
    where ${when}
    on conflict (user_id, question_id) do update set due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
      scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses,
      state = excluded.state, last_review = excluded.last_review`;
}

/** The same in two statements of their own, for a transaction that has not read the cards yet (review rounds). */
export async function rescheduleCards(
  db: Writer,
  input: { userId: string; retention: number; now: Date; graded: Graded[] },
): Promise<void> {
  if (!input.graded.length) return;
  const [read] = rowsOf<{ cards: unknown }>(await db.execute(sql`select ${existingCardsSql(input.userId, input.graded)} as cards`));
  await db.execute(nextCardsWriteSql(input.userId, nextCards(read?.cards ?? [], input)));
}
