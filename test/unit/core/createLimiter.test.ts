import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLimiter } from '../../../src/core/concurrency/createLimiter.ts';

test('never more than the limit in flight, work added later still runs, failures pass through', async () => {
  const limit = createLimiter(2);
  let running = 0;
  let peak = 0;
  const job = (ms: number, fail = false) => limit(async () => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    if (fail) throw new Error('boom');
    return ms;
  });
  const first = [job(20), job(10), job(5, true)];
  await new Promise((r) => setTimeout(r, 2));
  const later = job(1);
  const results = await Promise.allSettled([...first, later]);
  assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)), [20, 10, 'boom', 1]);
  assert.equal(peak, 2);
});
