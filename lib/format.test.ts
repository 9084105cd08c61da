import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatShortDate } from './format';

// 23:30 UTC on 3 March is already 4 March east of UTC: the formatters must not follow the server's zone.
const lateEvening = new Date('2026-03-03T23:30:00Z');

describe('date formatters', () => {
  it('show the UTC calendar day', () => {
    expect(formatDate(lateEvening)).toBe('3 March 2026');
    expect(formatShortDate(lateEvening)).toBe('3 Mar 2026');
  });

  it('name the zone of the time they show', () => {
    expect(formatDateTime(lateEvening)).toBe('3 Mar 2026, 23:30 UTC');
  });
});
