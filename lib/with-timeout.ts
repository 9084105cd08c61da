export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`gave up after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * The promise's outcome, or a TimeoutError once `ms` have passed. The work itself is not
 * cancelled; callers use this where an answer now matters more than the answer (a health check
 * must say "down" to the load balancer, not keep it waiting as long as the driver would).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  // A late rejection of the abandoned work must not surface as an unhandled rejection.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
