import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError, withTimeout } from './with-timeout';

describe('withTimeout', () => {
  afterEach(() => vi.useRealTimers());

  it('gives up on work that never answers once the time is up', async () => {
    vi.useFakeTimers();
    const never = new Promise<string>(() => {});
    const raced = withTimeout(never, 1500);
    const outcome = raced.then(
      () => 'answered',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(1499);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(TimeoutError);
  });

  it('passes through an answer or a failure that comes in time', async () => {
    await expect(withTimeout(Promise.resolve('up'), 1500)).resolves.toBe('up');
    await expect(withTimeout(Promise.reject(new Error('refused')), 1500)).rejects.toThrow('refused');
  });
});
