import { describe, expect, it } from 'vitest';
import { readDueDate } from './due-date';

describe('readDueDate', () => {
  it('reads the wall time in the browser’s zone and a date alone as 23:59 that day', () => {
    expect(readDueDate('2030-12-15T17:30', 'America/New_York')).toEqual({ ok: true, dueAt: new Date('2030-12-15T22:30:00Z') });
    expect(readDueDate('2030-12-15', 'UTC')).toEqual({ ok: true, dueAt: new Date('2030-12-15T23:59:00Z') });
    expect(readDueDate('2030-12-15T10:00', '')).toEqual({ ok: true, dueAt: new Date('2030-12-15T10:00:00Z') });
  });

  it('answers a forged or malformed value with a message', () => {
    expect(readDueDate('tomorrow', 'UTC')).toEqual({ ok: false, message: 'Choose a due date and time.' });
    expect(readDueDate('2030-02-30T10:00', 'UTC')).toEqual({ ok: false, message: 'Choose a valid due date and time.' });
    expect(readDueDate('9999-01-01T10:00', 'UTC')).toEqual({ ok: false, message: 'Choose a valid due date and time.' });
    expect(readDueDate('2030-12-15T10:00', "'; drop table x")).toMatchObject({ ok: false, message: expect.stringContaining('time zone') });
  });
});
