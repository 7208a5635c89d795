// How many range requests to keep in flight. A fixed number is wrong somewhere: a far region or a slow disk
// link wants many, a throttled account or a loopback Azurite wants few. So we climb while throughput climbs,
// step back when it stops paying, halve on throttling (the service asked us to slow down), and probe upward
// now and then because conditions change during a long download.
//
// Pure reducer: state + observation -> state. The engine measures windows and feeds them in.

export interface ConcurrencyState {
  limit: number;
  min: number;
  max: number;
  /** growing: doubling while it pays; steady: holding; probing: trying limit + 1 against `baseline`. */
  phase: 'growing' | 'steady' | 'probing';
  /** Throughput (bytes/s) seen at the limit we would fall back to. */
  baseline?: number;
  /** Windows spent in `steady` since the last probe. */
  steadyWindows: number;
  /** When we last cut for throttling: parallel requests all see the same 503 burst, which is one signal, not eight. */
  lastThrottleCutAtMs?: number;
}

export type ConcurrencyObservation =
  | { type: 'window'; bytesPerSecond: number }
  | { type: 'throttled'; atMs: number }
  | { type: 'connectionFailed' };

export interface ConcurrencyOptions {
  initial?: number;
  min?: number;
  max?: number;
}

/**
 * A gain below this is noise, not a reason to keep more requests open. 1.1 let one-second windows on a busy
 * machine push a loopback download from 8 to 32 in flight, slower than 8 (measured: 2.4-3.6 s at a fixed 8 vs
 * 3.0-4.6 s adaptive for the same 1 GiB); doubling must now pay a quarter more.
 */
const GROWTH_WORTH_KEEPING = 1.25;
const PROBE_WORTH_KEEPING = 1.05;
const STEADY_WINDOWS_BEFORE_PROBE = 4;
/**
 * Where to start: 8 in flight is what a plain parallel downloader (and the benchmark's raw ceiling) uses, and
 * what Azure serves well from one blob; starting at 4 spent the first seconds of every download below the link.
 */
export const DEFAULT_INITIAL_CONCURRENCY = 8;
/** Throttle signals closer together than this count once. */
export const THROTTLE_COOLDOWN_MS = 1000;

export function createConcurrencyState(options: ConcurrencyOptions = {}): ConcurrencyState {
  const min = Math.max(1, options.min ?? 1);
  const max = Math.max(min, options.max ?? 32);
  const limit = clamp(options.initial ?? DEFAULT_INITIAL_CONCURRENCY, min, max);
  return { limit, min, max, phase: 'growing', steadyWindows: 0 };
}

export function nextConcurrency(state: ConcurrencyState, observation: ConcurrencyObservation): ConcurrencyState {
  switch (observation.type) {
    case 'throttled': {
      const last = state.lastThrottleCutAtMs;
      if (last !== undefined && observation.atMs - last < THROTTLE_COOLDOWN_MS) return state;
      // The service is shedding load: back off hard and forget what we measured before.
      const limit = clamp(Math.ceil(state.limit / 2), state.min, state.max);
      return { ...state, limit, phase: 'steady', baseline: undefined, steadyWindows: 0, lastThrottleCutAtMs: observation.atMs };
    }
    case 'connectionFailed':
      return { ...state, limit: clamp(state.limit - 1, state.min, state.max), steadyWindows: 0 };
    case 'window':
      return afterWindow(state, observation.bytesPerSecond);
  }
}

function afterWindow(state: ConcurrencyState, throughput: number): ConcurrencyState {
  const { baseline } = state;
  switch (state.phase) {
    case 'growing': {
      if (baseline === undefined || throughput >= baseline * GROWTH_WORTH_KEEPING) {
        const limit = clamp(state.limit * 2, state.min, state.max);
        return { ...state, limit, baseline: throughput, phase: limit === state.limit ? 'steady' : 'growing' };
      }
      // Doubling did not pay: return to the previous limit, which gave `baseline`.
      const previous = clamp(Math.ceil(state.limit / 2), state.min, state.max);
      return { ...state, limit: previous, phase: 'steady', steadyWindows: 0 };
    }
    case 'probing': {
      if (baseline === undefined || throughput >= baseline * PROBE_WORTH_KEEPING) {
        return { ...state, baseline: throughput, phase: 'steady', steadyWindows: 0 };
      }
      return { ...state, limit: clamp(state.limit - 1, state.min, state.max), phase: 'steady', steadyWindows: 0 };
    }
    case 'steady': {
      const steadyWindows = state.steadyWindows + 1;
      if (steadyWindows >= STEADY_WINDOWS_BEFORE_PROBE && state.limit < state.max) {
        return { ...state, limit: state.limit + 1, phase: 'probing', baseline: throughput, steadyWindows: 0 };
      }
      return { ...state, baseline: throughput, steadyWindows };
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
