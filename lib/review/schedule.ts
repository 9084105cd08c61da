import { createEmptyCard, fsrs, Rating, type Card, type Grade, type State } from 'ts-fsrs';

/** A learner's card for one question, as stored (review_cards). */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs State). */
  state: number;
  lastReview: Date | null;
}

/** The retention targets a learner may choose: below 70% reviews are too rare to help, above 97% too many. */
export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.97;
export const RETENTION_DEFAULT = 0.9;

/**
 * A quiz mistake comes back in ten minutes (one learning step, not Anki's 1 and 10 minutes: a
 * quiz question is not a flashcard drilled in one sitting), and a lapse likewise.
 */
const STEPS = ['10m'] as const;

/**
 * What counts as due now: a card due within this much (Anki's "learn ahead limit"), so a mistake
 * can be reviewed as soon as the quiz is over rather than after a wait.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** The longest wait between two reviews: ten years (a course outlives neither). */
const MAX_INTERVAL_DAYS = 3650;
const DAY_MS = 86_400_000;

/**
 * How an answer rates the recall, from the share of the mark it earned: all of it is Good, part of
 * it Hard, none Again (a lapse once the card has been learnt). Easy is never inferred from a quiz.
 */
export function ratingFor(credit: number): Grade {
  if (credit >= 1) return Rating.Good;
  if (credit > 0) return Rating.Hard;
  return Rating.Again;
}

const toCard = (s: CardState): Card => ({
  due: s.due,
  stability: s.stability,
  difficulty: s.difficulty,
  elapsed_days: 0,
  scheduled_days: s.scheduledDays,
  learning_steps: s.learningSteps,
  reps: s.reps,
  lapses: s.lapses,
  state: s.state as State,
  last_review: s.lastReview ?? undefined,
});

const fromCard = (c: Card): CardState => ({
  due: c.due,
  stability: c.stability,
  difficulty: c.difficulty,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  lastReview: c.last_review ?? null,
});

/**
 * The card after one answer at `now`, scheduled by FSRS for the learner's retention target.
 * No card yet: the question is new to them. No fuzz, so the same history gives the same date.
 */
export function scheduleAnswer(input: { card: CardState | null; credit: number; now: Date; retention: number }): CardState {
  const retention = Math.min(RETENTION_MAX, Math.max(RETENTION_MIN, input.retention));
  const scheduler = fsrs({
    request_retention: retention,
    enable_fuzz: false,
    maximum_interval: MAX_INTERVAL_DAYS,
    learning_steps: [...STEPS],
    relearning_steps: [...STEPS],
  });
  const card = input.card ? toCard(input.card) : createEmptyCard(input.now);
  const next = fromCard(scheduler.next(card, input.now, ratingFor(input.credit)).card);
  // ts-fsrs keeps Good a day past Hard, which can step one day over its own maximum.
  if (next.scheduledDays > MAX_INTERVAL_DAYS)
    return { ...next, scheduledDays: MAX_INTERVAL_DAYS, due: new Date(input.now.getTime() + MAX_INTERVAL_DAYS * DAY_MS) };
  return next;
}
