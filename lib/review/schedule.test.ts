import { describe, expect, it } from 'vitest';
import { LEARN_AHEAD_MS, ratingFor, scheduleAnswer, type CardState } from './schedule';

const DAY = 86_400_000;
const now = new Date('2026-11-28T10:00:00Z');
const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY;

/** A card answered right again and again, each time when it came due. */
function learnt(times: number, retention = 0.9): CardState {
  let card: CardState | null = null;
  let at = now;
  for (let i = 0; i < times; i++) {
    card = scheduleAnswer({ card, credit: 1, now: at, retention });
    at = card.due;
  }
  return card!;
}

describe('ratingFor', () => {
  it('rates a whole mark Good, part of it Hard and nothing Again', () => {
    expect(ratingFor(1)).toBe(3);
    expect(ratingFor(2 / 3)).toBe(2);
    expect(ratingFor(0)).toBe(1);
  });
});

describe('scheduleAnswer: FSRS boundaries', () => {
  it('first review: a wrong answer is due again within minutes, a right one later', () => {
    const wrong = scheduleAnswer({ card: null, credit: 0, now, retention: 0.9 });
    const right = scheduleAnswer({ card: null, credit: 1, now, retention: 0.9 });
    expect(wrong.reps).toBe(1);
    expect(days(now, wrong.due)).toBeLessThan(1 / 24);
    expect(right.due.getTime()).toBeGreaterThan(wrong.due.getTime());
    expect(wrong.lapses).toBe(0);
  });

  it('a mistake is due in ten minutes (inside the learn-ahead window), and a right answer then moves it a day or more away', () => {
    const wrong = scheduleAnswer({ card: null, credit: 0, now, retention: 0.9 });
    expect(wrong.due.getTime() - now.getTime()).toBe(10 * 60_000);
    expect(wrong.due.getTime() - now.getTime()).toBeLessThanOrEqual(LEARN_AHEAD_MS);
    const reviewedEarly = new Date(now.getTime() + 60_000);
    const right = scheduleAnswer({ card: wrong, credit: 1, now: reviewedEarly, retention: 0.9 });
    expect(right.state).toBe(2);
    expect(days(reviewedEarly, right.due)).toBeGreaterThanOrEqual(1);
  });

  it('lapse: a learnt card answered wrong counts a lapse, goes to relearning and is due within a day', () => {
    const card = learnt(4);
    expect(card.state).toBe(2);
    expect(card.scheduledDays).toBeGreaterThanOrEqual(3);
    const lapsed = scheduleAnswer({ card, credit: 0, now: card.due, retention: 0.9 });
    expect(lapsed.lapses).toBe(card.lapses + 1);
    expect(lapsed.state).toBe(3);
    expect(days(card.due, lapsed.due)).toBeLessThan(1);
    expect(lapsed.stability).toBeLessThan(card.stability);
  });

  it('long interval: right answers push the next review out by months, and never past the ten-year cap (ts-fsrs alone steps a day over it)', () => {
    const card = learnt(5);
    expect(card.scheduledDays).toBeGreaterThan(60);
    const next = scheduleAnswer({ card, credit: 1, now: card.due, retention: 0.9 });
    expect(next.scheduledDays).toBeGreaterThan(card.scheduledDays);
    const veteran = learnt(40);
    expect(veteran.scheduledDays).toBe(3650);
    expect(days(veteran.lastReview!, veteran.due)).toBe(3650);
  });

  it('a higher retention target brings reviews sooner; a target out of range is clamped', () => {
    const relaxed = learnt(5, 0.8);
    const strict = learnt(5, 0.95);
    expect(strict.scheduledDays).toBeLessThan(relaxed.scheduledDays);
    const card = learnt(3);
    expect(scheduleAnswer({ card, credit: 1, now: card.due, retention: 5 })).toEqual(
      scheduleAnswer({ card, credit: 1, now: card.due, retention: 0.97 }),
    );
  });

  it('partial credit (Hard) schedules sooner than a whole mark (Good)', () => {
    const card = learnt(3);
    const hard = scheduleAnswer({ card, credit: 0.5, now: card.due, retention: 0.9 });
    const good = scheduleAnswer({ card, credit: 1, now: card.due, retention: 0.9 });
    expect(hard.due.getTime()).toBeLessThan(good.due.getTime());
  });
});
