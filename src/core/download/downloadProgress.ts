// What the user sees while a disk downloads: bytes done of bytes to fetch, bytes skipped as empty (the reason a
// 127 GiB disk takes minutes, not hours), throughput over the last few seconds and an ETA from it.
// The clock is passed in so tests drive time; events are throttled because the UI needs a few a second, not one
// per 64 KiB chunk.

export type DownloadPhase = 'planning' | 'downloading' | 'verifying' | 'finishing' | 'done';

export interface DownloadProgress {
  phase: DownloadPhase;
  blobSize: number;
  /** Bytes this run fetches (written data + small merged holes), resumed bytes included. */
  bytesToFetch: number;
  /** Of bytesToFetch, those on disk (including those found on disk from an earlier run). */
  bytesDone: number;
  /** Bytes found complete in the journal of an earlier run and not fetched again. */
  bytesResumed: number;
  /** Empty regions never fetched: they stay holes in the sparse file. */
  bytesSkipped: number;
  /** Throughput over the recent window; 0 until there is a measurement. */
  bytesPerSecond: number;
  /** Seconds left at the recent throughput; undefined while unknown. */
  etaSeconds?: number;
  requestsInFlight: number;
  retries: number;
}

export interface ProgressTotals {
  blobSize: number;
  bytesToFetch: number;
  bytesSkipped: number;
  bytesResumed: number;
}

const THROUGHPUT_WINDOW_MS = 5_000;
const SAMPLE_SPACING_MS = 100;

export class DownloadProgressMeter {
  private readonly totals: ProgressTotals;
  private readonly samples: { atMs: number; bytes: number }[] = [];
  private fetched = 0;
  private phase: DownloadPhase = 'downloading';
  private inFlight = 0;
  private retries = 0;

  constructor(totals: ProgressTotals, nowMs: number) {
    this.totals = totals;
    this.samples.push({ atMs: nowMs, bytes: 0 });
  }

  addBytes(count: number, nowMs: number): void {
    this.fetched += count;
    // One sample per 100 ms, not one per chunk: thousands of chunks a second made this array (and its shift())
    // show up in profiles. The rate over a 5 s window loses nothing.
    const last = this.samples.at(-1)!;
    if (this.samples.length > 1 && nowMs - this.samples.at(-2)!.atMs < SAMPLE_SPACING_MS) {
      last.atMs = nowMs;
      last.bytes = this.fetched;
    } else {
      this.samples.push({ atMs: nowMs, bytes: this.fetched });
    }
    // Keep one sample older than the window so the rate spans the whole window.
    while (this.samples.length > 2 && this.samples[1].atMs <= nowMs - THROUGHPUT_WINDOW_MS) this.samples.shift();
  }

  setPhase(phase: DownloadPhase): void {
    this.phase = phase;
  }

  setInFlight(count: number): void {
    this.inFlight = count;
  }

  addRetry(): void {
    this.retries++;
  }

  snapshot(nowMs: number): DownloadProgress {
    const oldest = this.samples[0];
    const elapsed = nowMs - oldest.atMs;
    const bytesPerSecond = elapsed > 0 ? ((this.fetched - oldest.bytes) * 1000) / elapsed : 0;
    const bytesDone = this.totals.bytesResumed + this.fetched;
    const remaining = Math.max(0, this.totals.bytesToFetch - bytesDone);
    return {
      phase: this.phase,
      blobSize: this.totals.blobSize,
      bytesToFetch: this.totals.bytesToFetch,
      bytesDone,
      bytesResumed: this.totals.bytesResumed,
      bytesSkipped: this.totals.bytesSkipped,
      bytesPerSecond,
      etaSeconds: remaining === 0 ? 0 : bytesPerSecond > 0 ? remaining / bytesPerSecond : undefined,
      requestsInFlight: this.inFlight,
      retries: this.retries,
    };
  }
}

/** Lets an event through at most every `intervalMs`; phase changes and the final event always pass. */
export function createProgressThrottle(intervalMs: number): (nowMs: number, force?: boolean) => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return (nowMs, force = false) => {
    if (!force && nowMs - last < intervalMs) return false;
    last = nowMs;
    return true;
  };
}
