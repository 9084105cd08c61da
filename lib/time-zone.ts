import { TZDate } from '@date-fns/tz';

// Due dates are entered and shown in the viewer's time zone and stored in UTC. The browser tells
// the form its zone (an IANA name); without JavaScript the form says UTC, and so does the page.

/** True for a time zone name the runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2030-12-15T17:30" as read on a clock in `timeZone`, as an instant. Null for a malformed value,
 * an impossible date (31 February) or an unknown zone. A time skipped by a daylight-saving change
 * moves forward by the gap, as clocks do.
 */
export function wallTimeToUtc(wall: string, timeZone: string): Date | null {
  const m = WALL_TIME.exec(wall);
  if (!m || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || day < 1) return null;
  // Day past the month's end: Date would roll it into the next month.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const instant = new TZDate(year, month - 1, day, hour, minute, timeZone).getTime();
  return Number.isNaN(instant) ? null : new Date(instant);
}

/** The instant as "YYYY-MM-DDTHH:MM" on a clock in `timeZone` (the value of a datetime-local input). */
export function utcToWallTime(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** "15 Dec 2030, 17:30 EST": the instant in `timeZone`, with the zone named. */
export function formatInTimeZone(date: Date, timeZone: string): string {
  return date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  });
}
