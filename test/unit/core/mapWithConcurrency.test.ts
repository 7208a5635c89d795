import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapWithConcurrency } from '../../../src/core/concurrency/mapWithConcurrency.ts';

test('keeps input order, never exceeds the limit, and keeps failures apart', async () => {
  let inFlight = 0;
  let peak = 0;
  const results = await mapWithConcurrency([30, 10, 20, 5, 15, 0], 3, async (ms, i) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((r) => setTimeout(r, ms));
    inFlight--;
    if (i === 2) throw new Error('third fails');
    return ms * 2;
  });
  assert.equal(peak, 3);
  assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : 'x')), [60, 20, 'x', 10, 30, 0]);
  assert.equal((results[2] as PromiseRejectedResult).reason.message, 'third fails');
});

test('an empty list resolves at once', async () => {
  assert.deepEqual(await mapWithConcurrency([], 4, async () => 1), []);
});
