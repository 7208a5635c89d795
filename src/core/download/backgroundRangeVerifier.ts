// Verification while the download runs: each range is read back from the partial file and hashed as soon as it
// is written, instead of one pass over the whole file at the end. The check is the same (the bytes in the file
// hash to what was received); doing it during the transfer uses the time the engine spends waiting on the
// network, so the tail after the last byte arrives is short. One reader: hashing is CPU-bound, and a second
// would compete with the download for the same cores.
import type { FileHandle } from 'node:fs/promises';
import { hashFileRange, VERIFY_READ_BYTES, type IndexedRange } from './verifyDownloadedRanges.ts';

export class BackgroundRangeVerifier {
  private readonly file: FileHandle;
  private readonly signal: AbortSignal;
  private readonly queue: IndexedRange[] = [];
  private readonly hashes = new Map<number, string>();
  private running: Promise<void> | undefined;
  private failure: unknown;
  private stopped = false;
  private buffer: Buffer | undefined;

  constructor(file: FileHandle, signal: AbortSignal) {
    this.file = file;
    this.signal = signal;
  }

  /** Queues a range that is now complete in the file. */
  add(range: IndexedRange): void {
    if (this.stopped) return;
    this.queue.push(range);
    this.running ??= this.drain().finally(() => (this.running = undefined));
  }

  /** Waits for every queued range and returns the hashes read back (index -> SHA-256 hex). */
  async results(): Promise<Map<number, string>> {
    while (this.running) await this.running;
    if (this.failure !== undefined) throw this.failure;
    return this.hashes;
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
      const range = this.queue.shift()!;
      try {
        this.hashes.set(range.index, await hashFileRange(this.file, range, this.buffer, this.signal));
      } catch (error) {
        this.failure = error;
      }
    }
  }
}
