// Receives one request's bytes in order and puts them at their place in the sparse partial file, hashing as
// they arrive. Chunks from the network are small (16-64 KiB); they are copied into a 1 MiB stage buffer (from a
// pool shared by the download) so writes are few, nothing is allocated per chunk, and the zero-block test sees
// whole file system blocks.
import { createHash, type Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import type { ByteRange } from './byteRange.ts';
import { DownloadError } from './downloadError.ts';
import { findNonZeroBlocks } from './findNonZeroBlocks.ts';
import { fileSystemError } from './fileSystemError.ts';
import { StageBufferPool } from './stageBufferPool.ts';

export interface RangeFileWriterOptions {
  /**
   * Write zero blocks too. Needed when the file may hold other bytes at this place (a range re-fetched after
   * verification found it damaged); a fresh sparse region already reads as zeros.
   */
  writeZeroBlocks?: boolean;
  sparseBlockBytes?: number;
  /** Where stage buffers come from; share one per download. Default: a pool of this writer's own. */
  pool?: StageBufferPool;
}

export class RangeFileWriter {
  private readonly file: FileHandle;
  private readonly range: ByteRange;
  private readonly options: RangeFileWriterOptions;
  private readonly hash: Hash = createHash('sha256');
  /** CRC-32 of the bytes received, for the cheap read-back check (backgroundRangeVerifier.ts). */
  crc32 = 0;
  private readonly pool: StageBufferPool;
  private stage: Buffer | undefined;
  private stagedBytes = 0;
  /** Absolute file offset of the first staged byte. */
  private stageOffset: number;
  private received = 0;
  /** Bytes really written to the file (zero blocks skipped are not counted). */
  bytesWritten = 0;

  constructor(file: FileHandle, range: ByteRange, options: RangeFileWriterOptions = {}) {
    this.file = file;
    this.range = range;
    this.options = options;
    this.stageOffset = range.offset;
    this.pool = options.pool ?? new StageBufferPool();
  }

  /** Bytes received so far (the source resumes after them). */
  get bytesReceived(): number {
    return this.received;
  }

  async receive(chunk: Uint8Array): Promise<void> {
    if (this.received + chunk.length > this.range.count) {
      throw new DownloadError('transferFailed', `received more bytes than requested for range at ${this.range.offset}`);
    }
    this.hash.update(chunk);
    this.crc32 = crc32(chunk, this.crc32);
    this.received += chunk.length;
    let at = 0;
    while (at < chunk.length) {
      this.stage ??= this.pool.take();
      const copied = Math.min(chunk.length - at, this.stage.length - this.stagedBytes);
      this.stage.set(chunk.subarray(at, at + copied), this.stagedBytes);
      this.stagedBytes += copied;
      at += copied;
      if (this.stagedBytes === this.stage.length) await this.flush();
    }
  }

  /** Writes what is staged and returns the SHA-256 (hex) of all bytes of the range. */
  async finish(): Promise<string> {
    if (this.received !== this.range.count) {
      throw new DownloadError('transferFailed', `range at ${this.range.offset} ended after ${this.received} of ${this.range.count} bytes`);
    }
    await this.flush();
    this.release();
    return this.hash.digest('hex');
  }

  /** Returns the stage buffer to the pool (after finish, or when the range is given up). */
  release(): void {
    if (this.stage) this.pool.give(this.stage);
    this.stage = undefined;
    this.stagedBytes = 0;
  }

  private async flush(): Promise<void> {
    if (this.stagedBytes === 0 || !this.stage) return;
    const buffer = this.stage.subarray(0, this.stagedBytes);
    const offset = this.stageOffset;
    const runs = this.options.writeZeroBlocks
      ? [{ offset: 0, count: buffer.length }]
      : findNonZeroBlocks(buffer, offset, this.options.sparseBlockBytes);
    for (const run of runs) await writeFully(this.file, buffer, run, offset);
    for (const run of runs) this.bytesWritten += run.count;
    // Only now may the stage be refilled: the writes above read from it.
    this.stageOffset += this.stagedBytes;
    this.stagedBytes = 0;
  }
}

async function writeFully(file: FileHandle, buffer: Buffer, run: ByteRange, fileOffset: number): Promise<void> {
  let done = 0;
  try {
    while (done < run.count) {
      const { bytesWritten } = await file.write(buffer, run.offset + done, run.count - done, fileOffset + run.offset + done);
      done += bytesWritten;
    }
  } catch (error) {
    throw fileSystemError(error, 'Writing the partial file');
  }
}
