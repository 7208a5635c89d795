// Before the final name appears, every range is read back from the partial file and hashed again. This catches
// what hashing on receipt cannot: a write lost in a crash that the journal already vouched for, a file touched
// by someone else between runs, a disk returning different bytes. Resumed ranges are only trustworthy this way.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import type { ByteRange } from './byteRange.ts';
import { DownloadError } from './downloadError.ts';

export interface IndexedRange extends ByteRange {
  index: number;
}

/** Indexes whose hash on disk differs from the one recorded on receipt (or that have no recorded hash). */
export function findMismatchedRanges(
  ranges: readonly IndexedRange[],
  expected: ReadonlyMap<number, string>,
  actual: ReadonlyMap<number, string>,
): number[] {
  return ranges.filter((r) => expected.get(r.index) === undefined || expected.get(r.index) !== actual.get(r.index)).map((r) => r.index);
}

export const VERIFY_READ_BYTES = 4 * 1024 * 1024;

/** SHA-256 of each range as it is in the file; a few reads in flight so the disk and the hash overlap. */
export async function hashFileRanges(
  file: FileHandle,
  ranges: readonly IndexedRange[],
  options: { concurrency?: number; signal?: AbortSignal; onBytes?: (count: number) => void } = {},
): Promise<Map<number, string>> {
  const hashes = new Map<number, string>();
  let next = 0;
  const worker = async () => {
    const buffer = Buffer.allocUnsafe(VERIFY_READ_BYTES);
    while (next < ranges.length) {
      const range = ranges[next++];
      hashes.set(range.index, await hashFileRange(file, range, buffer, options.signal, options.onBytes));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return hashes;
}

/** SHA-256 (hex) of one range as it is in the file, read through `buffer`. */
export async function hashFileRange(
  file: FileHandle, range: ByteRange, buffer: Buffer, signal?: AbortSignal, onBytes?: (count: number) => void,
): Promise<string> {
  const hash = createHash('sha256');
  await readFileRange(file, range, buffer, (bytes) => {
    hash.update(bytes);
    onBytes?.(bytes.length);
  }, signal);
  return hash.digest('hex');
}

/** CRC-32 of one range as it is in the file (the check of ranges fetched in this run: see RangeCheck). */
export async function crc32FileRange(file: FileHandle, range: ByteRange, buffer: Buffer, signal?: AbortSignal): Promise<number> {
  let crc = 0;
  await readFileRange(file, range, buffer, (bytes) => {
    crc = crc32(bytes, crc);
  }, signal);
  return crc;
}

async function readFileRange(file: FileHandle, range: ByteRange, buffer: Buffer, onChunk: (bytes: Buffer) => void, signal?: AbortSignal): Promise<void> {
  let done = 0;
  while (done < range.count) {
    // Cancelled while verifying is a cancel like any other (the CLI and the shell map `cancelled`, not AbortError).
    if (signal?.aborted) throw new DownloadError('cancelled', 'The download was cancelled.', { cause: signal.reason });
    const want = Math.min(buffer.length, range.count - done);
    const { bytesRead } = await file.read(buffer, 0, want, range.offset + done);
    if (bytesRead === 0) break; // file shorter than the plan: the hash will not match
    onChunk(buffer.subarray(0, bytesRead));
    done += bytesRead;
  }
}
