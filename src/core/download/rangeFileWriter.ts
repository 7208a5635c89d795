// Receives one request's bytes in order and puts them at their place in the sparse partial file, hashing as
// they arrive. Chunks from the network are small (16-64 KiB); they are staged to 1 MiB so writes are few and
// the zero-block test sees whole file system blocks.
import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { ByteRange } from './byteRange.ts';
import { DownloadError } from './downloadError.ts';
import { findNonZeroBlocks } from './findNonZeroBlocks.ts';

const STAGE_BYTES = 1024 * 1024;

export interface RangeFileWriterOptions {
  /**
   * Write zero blocks too. Needed when the file may hold other bytes at this place (a range re-fetched after
   * verification found it damaged); a fresh sparse region already reads as zeros.
   */
  writeZeroBlocks?: boolean;
  sparseBlockBytes?: number;
}

export class RangeFileWriter {
  private readonly file: FileHandle;
  private readonly range: ByteRange;
  private readonly options: RangeFileWriterOptions;
  private readonly hash: Hash = createHash('sha256');
  private staged: Uint8Array[] = [];
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
    this.received += chunk.length;
    this.staged.push(chunk);
    this.stagedBytes += chunk.length;
    if (this.stagedBytes >= STAGE_BYTES) await this.flush();
  }

  /** Writes what is staged and returns the SHA-256 (hex) of all bytes of the range. */
  async finish(): Promise<string> {
    if (this.received !== this.range.count) {
      throw new DownloadError('transferFailed', `range at ${this.range.offset} ended after ${this.received} of ${this.range.count} bytes`);
    }
    await this.flush();
    return this.hash.digest('hex');
  }

  private async flush(): Promise<void> {
    if (this.stagedBytes === 0) return;
    const buffer = this.staged.length === 1 ? Buffer.from(this.staged[0]) : Buffer.concat(this.staged, this.stagedBytes);
    const offset = this.stageOffset;
    this.staged = [];
    this.stageOffset += this.stagedBytes;
    this.stagedBytes = 0;
    const runs = this.options.writeZeroBlocks
      ? [{ offset: 0, count: buffer.length }]
      : findNonZeroBlocks(buffer, offset, this.options.sparseBlockBytes);
    for (const run of runs) await writeFully(this.file, buffer, run, offset);
    for (const run of runs) this.bytesWritten += run.count;
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
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new DownloadError('diskFull', 'The disk holding the download is full.', { cause: error, detail: code });
    }
    throw new DownloadError('fileSystem', `Writing the partial file failed (${code ?? 'unknown error'}).`, { cause: error, detail: code });
  }
}
