'use client';

import { useTimeZone } from '@/components/hooks/use-time-zone';
import { formatInTimeZone } from '@/lib/time-zone';

/** A date and time in the viewer's time zone, with the zone named ("15 Dec 2030, 17:30 GMT-5"). */
export function LocalDateTime({ date }: { date: Date | string }) {
  const zone = useTimeZone();
  const instant = typeof date === 'string' ? new Date(date) : date;
  return <time dateTime={instant.toISOString()}>{formatInTimeZone(instant, zone)}</time>;
}
