/**
 * Counts failures per key in a sliding window. In-process: enough for one server; a deployment
 * with several instances would move this into the database or Redis.
 */
export function createFailureLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => now() - t < options.windowMs);
  return {
    isBlocked(key: string): boolean {
      return recent(key).length >= options.limit;
    },
    recordFailure(key: string): void {
      const times = recent(key);
      times.push(now());
      failures.set(key, times);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
    reset(key: string): void {
      failures.delete(key);
    },
  };
}
