// Verification while the download runs: each range is read back from the partial file and checked as soon as it
// is written, instead of one pass over the whole file at the end, so the tail after the last byte arrives is
// short. A range fetched in this run is compared by CRC-32 with what was received (computed on receipt beside
// the SHA-256 the manifest records): it catches the same lost or damaged writes at a quarter of SHA-256's CPU,
// which matters on a machine whose cores also run the transfer. A range resumed from an earlier run has only its
// journaled SHA-256, so it is checked with that. One reader: the checks are CPU-bound.
import type { FileHandle } from 'node:fs/promises';
import { crc32FileRange, hashFileRange, VERIFY_READ_BYTES, type IndexedRange } from './verifyDownloadedRanges.ts';

/** What the range's bytes must match: the CRC-32 seen on receipt, or the SHA-256 from the journal. */
export type RangeCheck = { readonly crc32: number } | { readonly sha256: string };

export class BackgroundRangeVerifier {
  private readonly file: FileHandle;
  private readonly signal: AbortSignal;
  private readonly queue: Array<{ range: IndexedRange; expected: RangeCheck }> = [];
  private readonly mismatched = new Set<number>();
  private running: Promise<void> | undefined;
  private failure: unknown;
  private stopped = false;
  private buffer: Buffer | undefined;

  constructor(file: FileHandle, signal: AbortSignal) {
    this.file = file;
    this.signal = signal;
  }

  /** Queues a range that is now complete in the file, with what its bytes must match. */
  add(range: IndexedRange, expected: RangeCheck): void {
    if (this.stopped) return;
    this.queue.push({ range, expected });
    this.running ??= this.drain().finally(() => (this.running = undefined));
  }

  /** Waits for every queued range; returns the indexes whose bytes in the file do not match. */
  async mismatches(): Promise<Set<number>> {
    while (this.running) await this.running;
    if (this.failure !== undefined) throw this.failure;
    return this.mismatched;
  }

  /** Stops after the range being read (the file is about to close); never throws. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    await this.running?.catch(() => undefined);
  }

  private async drain(): Promise<void> {
    this.buffer ??= Buffer.allocUnsafeSlow(VERIFY_READ_BYTES);
    while (this.queue.length > 0 && !this.stopped && this.failure === undefined) {
      const { range, expected } = this.queue.shift()!;
      try {
        const matches = 'crc32' in expected
          ? (await crc32FileRange(this.file, range, this.buffer, this.signal)) === expected.crc32
          : (await hashFileRange(this.file, range, this.buffer, this.signal)) === expected.sha256;
        if (matches) this.mismatched.delete(range.index);
        else this.mismatched.add(range.index);
      } catch (error) {
        this.failure = error;
      }
    }
  }
}
