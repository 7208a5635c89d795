import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConcurrencyState, nextConcurrency, type ConcurrencyState } from '../../../src/core/download/adaptiveConcurrency.ts';

/** A server whose throughput rises with concurrency up to `knee` requests, then stays flat. */
function simulate(knee: number, windows: number, start: ConcurrencyState): ConcurrencyState[] {
  const states = [start];
  let s = start;
  for (let i = 0; i < windows; i++) {
    s = nextConcurrency(s, { type: 'window', bytesPerSecond: Math.min(s.limit, knee) * 100e6 });
    states.push(s);
  }
  return states;
}

test('grows while throughput grows and settles at the knee, not at the maximum', () => {
  const states = simulate(12, 30, createConcurrencyState({ initial: 2, max: 64 }));
  const late = states.slice(-10).map((s) => s.limit);
  // Doubling overshoots to at most the next power of two (+1 while probing); it must reach the knee and not run to 64.
  for (const limit of late) assert.ok(limit >= 12 && limit <= 17, `limit ${limit}`);
  assert.ok(states.some((s) => s.phase === 'probing'), 'probes upward now and then');
});

test('stays within min and max', () => {
  const states = simulate(1000, 30, createConcurrencyState({ initial: 4, max: 10 }));
  assert.ok(states.every((s) => s.limit <= 10));
  assert.equal(states.at(-1)!.limit, 10);
});

test('halves on throttling, and a burst of 503s inside the cooldown counts once', () => {
  let s = createConcurrencyState({ initial: 16, max: 32 });
  s = nextConcurrency(s, { type: 'throttled', atMs: 1000 });
  assert.equal(s.limit, 8);
  s = nextConcurrency(s, { type: 'throttled', atMs: 1200 });
  assert.equal(s.limit, 8);
  s = nextConcurrency(s, { type: 'throttled', atMs: 2500 });
  assert.equal(s.limit, 4);
  assert.equal(s.phase, 'steady');
});

test('a failed connection takes one request away, never below min', () => {
  let s = createConcurrencyState({ initial: 2, min: 1 });
  s = nextConcurrency(s, { type: 'connectionFailed' });
  s = nextConcurrency(s, { type: 'connectionFailed' });
  assert.equal(s.limit, 1);
});

test('a probe that does not pay is undone', () => {
  let s: ConcurrencyState = { limit: 6, min: 1, max: 32, phase: 'steady', baseline: 600, steadyWindows: 3 };
  s = nextConcurrency(s, { type: 'window', bytesPerSecond: 600 });
  assert.equal(s.phase, 'probing');
  assert.equal(s.limit, 7);
  s = nextConcurrency(s, { type: 'window', bytesPerSecond: 601 });
  assert.equal(s.limit, 6);
  assert.equal(s.phase, 'steady');
});

test('a gain that is only noise (+20 % in one window on a flat server) does not keep the doubled limit', () => {
  let s = createConcurrencyState({ initial: 8, max: 32 });
  s = nextConcurrency(s, { type: 'window', bytesPerSecond: 500e6 }); // first measurement at 8: try 16
  assert.equal(s.limit, 16);
  s = nextConcurrency(s, { type: 'window', bytesPerSecond: 600e6 }); // a lucky window at 16
  assert.equal(s.limit, 8, 'back to 8: a fifth more is within what one-second windows vary by on a busy machine');
});
