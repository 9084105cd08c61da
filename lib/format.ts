// Dates the server renders are shown in UTC. Due dates are the exception: they are shown in the
// viewer's own time zone by a client component (components/ui/local-date-time.tsx), with the zone
// named, so "17:30" means 17:30 where the reader is.

/** "3 March 2026". */
export const formatDate = (d: Date): string =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "3 Mar 2026", for tables and lists. */
export const formatShortDate = (d: Date): string =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "3 Mar 2026, 14:05 UTC". */
export const formatDateTime = (d: Date): string =>
  `${d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
