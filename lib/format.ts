// Dates are shown in UTC: the server renders them, and a learner's due date must read the same
// to every member of a class, wherever the server or the learner is.

/** "3 March 2026". */
export const formatDate = (d: Date): string =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "3 Mar 2026", for tables and lists. */
export const formatShortDate = (d: Date): string =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "3 Mar 2026, 14:05 UTC". */
export const formatDateTime = (d: Date): string =>
  `${d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
