// Which parts of a received buffer must be written. The local file starts as one big hole (truncated to full
// size), so a block of zeros needs no write: skipping it keeps the file sparse even where the service reports a
// range as written but it holds zeros (merged holes, zeroed pages, trimmed file system space). Blocks are aligned
// to the file system block size in *file* offsets, since only whole blocks can stay unallocated.
import type { ByteRange } from './byteRange.ts';

export const DEFAULT_SPARSE_BLOCK_BYTES = 4096;
const ZEROS = Buffer.alloc(64 * 1024);

/**
 * Runs of `buffer` (relative offsets) holding at least one non-zero byte per block, merged when consecutive.
 * `fileOffset` is where buffer[0] goes in the file; block edges are multiples of `blockBytes` in the file.
 */
export function findNonZeroBlocks(buffer: Uint8Array, fileOffset: number, blockBytes = DEFAULT_SPARSE_BLOCK_BYTES): ByteRange[] {
  if (blockBytes <= 0 || blockBytes > ZEROS.length) throw new RangeError(`block size must be 1..${ZEROS.length}`);
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const runs: ByteRange[] = [];
  let start = 0;
  while (start < bytes.length) {
    const nextEdge = (Math.floor((fileOffset + start) / blockBytes) + 1) * blockBytes - fileOffset;
    const end = Math.min(bytes.length, nextEdge);
    if (!isZero(bytes, start, end)) {
      const last = runs.at(-1);
      if (last && last.offset + last.count === start) last.count += end - start;
      else runs.push({ offset: start, count: end - start });
    }
    start = end;
  }
  return runs;
}

function isZero(bytes: Buffer, start: number, end: number): boolean {
  // Written data almost never starts or ends a block with a zero byte: decide those without a memcmp.
  if (bytes[start] !== 0 || bytes[end - 1] !== 0) return false;
  // Buffer#compare with bounds is a memcmp that allocates no view (a subarray per 4 KiB block showed in profiles).
  return ZEROS.compare(bytes, start, end, 0, end - start) === 0;
}
