import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizeClaim, sizeOption, sizeOptions } from './change-size';

const exactOf = (scale: string, from: number, to: number) =>
  scale === 'times' ? to / from : scale === 'rise' ? (to / from - 1) * 100 : scale === 'fall' ? (1 - to / from) * 100 : Math.abs(to - from);

describe('sizeOptions: the size of a change as four round answers on one scale', () => {
  it('picks the scale a person would use', () => {
    expect(sizeOptions(152, 131, false)).toMatchObject({ scale: 'fall', key: 14 }); // 13.8% less
    expect(sizeOptions(84, 93, false)).toMatchObject({ scale: 'rise', key: 11 }); // 10.7% more
    expect(sizeOptions(3.2, 23.5, false)).toMatchObject({ scale: 'times', key: 7 }); // 7.3 times
    expect(sizeOptions(61, 96, true)).toMatchObject({ scale: 'points-up', key: 35 });
    expect(sizeOptions(42, 30, true)).toMatchObject({ scale: 'points-down', key: 12 });
  });

  it('rounds a change to a multiple of 5 only when that stays within 0.6 of it (blind reviews v13, v14, v15: 16.8% keyed "about 15%", 36.1% "about 35%")', () => {
    expect(sizeOptions(38.2, 44.6, false)).toMatchObject({ scale: 'rise', key: 17 }); // 16.8% more
    expect(sizeOptions(100, 86.5, false)).toMatchObject({ scale: 'fall', key: 14 }); // 13.5% less
    expect(sizeOptions(100, 114, false)).toMatchObject({ scale: 'rise', key: 14 }); // 14.0% more (v15, a23: "change it to 14%")
    expect(sizeOptions(100, 158.6, false)).toMatchObject({ scale: 'rise', key: 59 }); // 58.6% more
    expect(sizeOptions(100, 136.1, false)).toMatchObject({ scale: 'rise', key: 36 }); // 36.1% more (v15, a29)
    expect(sizeOptions(100, 159.6, false)).toMatchObject({ scale: 'rise', key: 60 }); // 59.6% more
    expect(sizeOptions(100, 126.9, false)).toMatchObject({ scale: 'rise', key: 27 }); // 26.9% more (v14, c21)
    expect(sizeOptions(100, 124.6, false)).toMatchObject({ scale: 'rise', key: 25 }); // 24.6% more
    expect(sizeOptions(100, 124.2, false)).toMatchObject({ scale: 'rise', key: 24 }); // 24.2% more
  });

  it('offers the answers the usual slips give (blind reviews v16: "arbitrary numbers rather than mistakes a student would make")', () => {
    // €612,000 → €398,000: 35% less. Measured against 2023's figure it is 54% (about 55%); 65% is what was left.
    expect(sizeOptions(612, 398, false)).toMatchObject({
      key: 35,
      slips: [
        { value: 55, slip: 'later-base' },
        { value: 65, slip: 'share-kept' },
      ],
    });
    expect(sizeOptions(612, 398, false)!.distractors).toEqual(expect.arrayContaining([55, 65]));
    // €110,000 → €240,000: 118% more; 54% against the later figure; 218% read as the rise.
    expect(sizeOptions(110, 240, false)).toMatchObject({
      key: 118,
      distractors: [54, 79, 218],
      slips: [
        { value: 54, slip: 'later-base' },
        { value: 218, slip: 'ratio' },
      ],
    });
    // A slip too near the key to tell apart is left out ($6.2m → $4.8m is 23% less, 29% against 2023), and
    // so is what is left after a small fall ("90%" beside a 10% fall, blind review v16, a34) or the ratio
    // after a small rise ("117%" beside 17%).
    expect(sizeOptions(6.2, 4.8, false)!.slips).toEqual([]);
    expect(sizeOptions(16.3, 14.7, false)!.distractors).not.toContain(90);
    expect(sizeOptions(30.1, 35.1, false)!.distractors).not.toContain(117);
    // A large fall measured against the later figure reads as near-total ("93%" beside a 48% fall, v16, b36).
    expect(sizeOptions(41.2, 21.3, false)!.distractors).not.toContain(93);
    // Shares change by points: no slip of a percentage applies.
    expect(sizeOptions(29, 46, true)!.slips).toEqual([]);
  });

  it('asks nothing for a change too small to be the point of a question', () => {
    expect(sizeOptions(80, 78, false)).toBeNull();
    expect(sizeOptions(40, 41, true)).toBeNull();
  });

  it('never offers a share above 100% or a fall of more than the whole', () => {
    const up = sizeOptions(61, 96, true)!;
    expect(up.distractors.every((d) => d <= 39)).toBe(true);
    const down = sizeOptions(100, 10, false)!;
    expect([down.key, ...down.distractors].every((d) => d < 100)).toBe(true);
  });

  it('never offers a change in shares that the figures rule out: a rise beyond the later share, a fall beyond the earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), (from, to) => {
        const size = sizeOptions(from, to, true);
        if (size === null) return;
        for (const d of size.distractors) expect(d).toBeLessThanOrEqual(to > from ? to : from);
        for (const d of size.distractors) expect(d).toBeLessThanOrEqual(to > from ? 100 - from : 100 - to);
      }),
      { numRuns: 2000 },
    );
    // The review's case: 22% to 37% is about 15 points; a rise of 40 points would need a negative start.
    expect(sizeOptions(22, 37, true)!.distractors.every((d) => d <= 37)).toBe(true);
  });

  it('for any two figures: the key is the option nearest the true change, and the options are far apart', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.boolean(),
        (a, b, percent) => {
          const [from, to] = percent ? [a % 100 || 1, b % 100 || 1] : [a, b];
          const size = sizeOptions(from, to, percent);
          if (size === null) return;
          const exact = exactOf(size.scale, from, to);
          const all = [size.key, ...size.distractors];
          expect(new Set(all).size).toBe(4);
          const distance = (v: number) => Math.abs(Math.log(v / exact));
          for (const d of size.distractors) expect(distance(d)).toBeGreaterThan(distance(size.key) * 2);
          // A slip's answer is a real mistake and may sit nearer the key (14% beside 17%); any other stays well clear.
          const slip = new Set(size.slips.map((s) => s.value));
          for (const d of size.distractors)
            expect(Math.max(d, size.key) / Math.min(d, size.key)).toBeGreaterThanOrEqual(slip.has(d) ? 1.3 : 1.45);
          for (const x of size.distractors)
            for (const y of size.distractors)
              if (x !== y) {
                if (slip.has(x) && slip.has(y)) expect(Math.abs(x - y)).toBeGreaterThanOrEqual(6);
                else expect(Math.max(x, y) / Math.min(x, y)).toBeGreaterThanOrEqual(1.3);
              }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('asks a rise under about three times as a percentage, with wrong answers on both sides (blind review v14: "about 2 times", every wrong option above it)', () => {
    const doubled = sizeOptions(100, 210, false)!;
    expect(doubled).toMatchObject({ scale: 'rise', key: 110 });
    expect(doubled.distractors.some((d) => d < 110) && doubled.distractors.some((d) => d > 110)).toBe(true);
    expect(sizeOptions(100, 520, false)).toMatchObject({ scale: 'times', key: 5 });
  });

  it('keys a multiple of ten or more as the whole number it is, not the nearest multiple of five (blind review v18b, a48: 11 times keyed "about 10")', () => {
    expect(sizeOptions(0.5, 5.5, false)).toMatchObject({ scale: 'times', key: 11 });
    expect(sizeOptions(2, 47, false)).toMatchObject({ scale: 'times', key: 24 }); // 23.5 times
  });

  it('says an exact change without "about"', () => {
    expect(sizeClaim('points-down', 10, undefined, false)).toBe('fell by 10 percentage points');
    expect(sizeClaim('rise', 25, undefined, false)).toBe('rose by 25%');
    expect(sizeOption('times', 3, '2018', false)).toBe('Grew to 3 times the 2018 level.');
  });

  it('words an option as a size only, since the stem states the direction; a multiple says what it grew to', () => {
    expect(sizeOption('times', 7, '2014')).toBe('Grew to about 7 times the 2014 level.');
    expect(sizeOption('fall', 15)).toBe('15%');
    expect(sizeOption('rise', 1_200)).toBe('1,200%');
    expect(sizeOption('points-up', 35)).toBe('35 percentage points');
    expect(sizeOption('points-down', 1)).toBe('1 percentage point');
    expect(sizeClaim('fall', 15)).toBe('fell by about 15%');
  });
});
