// The sparse benchmark blob's written ranges: like a real disk, scattered runs of many sizes.
import type { ByteRange } from '../../../src/core/download/byteRange.ts';

const MiB = 1024 * 1024;

/** Runs of 256 KiB … 4 MiB at pseudo-random page-aligned places (seeded: the same blob every run) until `fraction` is written. */
export function scatteredRanges(diskBytes: number, fraction: number, seed = 42): ByteRange[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const slots = diskBytes / (4 * MiB);
  const chosen = new Set<number>();
  const ranges: ByteRange[] = [];
  let total = 0;
  while (total < diskBytes * fraction) {
    const slot = Math.floor(random() * slots);
    if (chosen.has(slot)) continue;
    chosen.add(slot);
    const count = Math.min((1 + Math.floor(random() * 16)) * 256 * 1024, 4 * MiB);
    const offset = slot * 4 * MiB + Math.floor((random() * (4 * MiB - count)) / 512) * 512;
    ranges.push({ offset, count });
    total += count;
  }
  return ranges.sort((a, b) => a.offset - b.offset);
}
