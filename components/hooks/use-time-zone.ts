'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const serverZone = () => 'UTC';

/**
 * The viewer's time zone. The server renders in UTC (it cannot know the zone); once the page runs
 * in the browser, React renders again in the browser's zone without a hydration mismatch.
 */
export function useTimeZone(): string {
  return useSyncExternalStore(subscribe, browserZone, serverZone);
}
