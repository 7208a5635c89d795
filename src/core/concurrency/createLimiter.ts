/**
 * At most `limit` calls of `run` in flight; the others wait their turn in order. Unlike mapWithConcurrency, work
 * can be added while earlier work runs (listings that start as each tenant's subscriptions arrive).
 */
export function createLimiter(limit: number): <R>(work: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async <R>(work: () => Promise<R>): Promise<R> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      release();
    }
  };
}
