import { describe, expect, it } from 'vitest';
import { formatInTimeZone, isTimeZone, utcToWallTime, wallTimeToUtc } from './time-zone';

describe('due dates in the viewer’s time zone', () => {
  it('reads a wall time in a zone as the UTC instant it names', () => {
    expect(wallTimeToUtc('2030-12-15T17:30', 'America/New_York')?.toISOString()).toBe('2030-12-15T22:30:00.000Z');
    expect(wallTimeToUtc('2030-07-15T17:30', 'America/New_York')?.toISOString()).toBe('2030-07-15T21:30:00.000Z');
    expect(wallTimeToUtc('2030-12-15T09:00', 'Asia/Kolkata')?.toISOString()).toBe('2030-12-15T03:30:00.000Z');
    expect(wallTimeToUtc('2030-12-15T23:59', 'UTC')?.toISOString()).toBe('2030-12-15T23:59:00.000Z');
  });

  it('gives back the same wall time it was given', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Adelaide', 'UTC']) {
      const instant = wallTimeToUtc('2031-03-01T08:05', zone)!;
      expect(utcToWallTime(instant, zone)).toBe('2031-03-01T08:05');
    }
  });

  it('refuses malformed values, impossible dates and unknown zones', () => {
    for (const wall of [
      '',
      '2030-12-15',
      '2030-02-31T10:00',
      '2030-13-01T10:00',
      '2030-12-15T24:00',
      '2030-12-15T10:00Z',
      '15/12/2030 10:00',
    ])
      expect(wallTimeToUtc(wall, 'UTC')).toBeNull();
    expect(wallTimeToUtc('2030-12-15T10:00', 'Mars/Olympus')).toBeNull();
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('x'.repeat(100))).toBe(false);
  });

  it('names the zone when it formats', () => {
    expect(formatInTimeZone(new Date('2030-12-15T22:30:00Z'), 'America/New_York')).toMatch(/15 Dec 2030, 17:30 (EST|GMT-5)/);
  });
});
