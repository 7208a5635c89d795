// A contiguous run of bytes in a blob or file. Page blobs speak in 512-byte pages, but nothing here assumes it:
// the planner keeps whatever alignment its input has.

export interface ByteRange {
  offset: number;
  count: number;
}

export function rangeEnd(range: ByteRange): number {
  return range.offset + range.count;
}

export function totalBytes(ranges: readonly ByteRange[]): number {
  let sum = 0;
  for (const r of ranges) sum += r.count;
  return sum;
}

/**
 * Sorts, clamps to [0, size) and merges overlapping or touching ranges. Services may report touching ranges
 * separately (Azurite never merges adjacent writes), and a resumed listing may overlap; neither should make us
 * fetch a byte twice.
 */
export function normalizeRanges(ranges: readonly ByteRange[], size: number): ByteRange[] {
  const clamped = ranges
    .map((r) => {
      const start = Math.max(0, r.offset);
      const end = Math.min(size, r.offset + r.count);
      return { offset: start, count: end - start };
    })
    .filter((r) => r.count > 0)
    .sort((a, b) => a.offset - b.offset);
  const merged: ByteRange[] = [];
  for (const r of clamped) {
    const last = merged.at(-1);
    if (last && r.offset <= rangeEnd(last)) {
      last.count = Math.max(rangeEnd(last), rangeEnd(r)) - last.offset;
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}

/** The parts of `ranges` (sorted, disjoint) that fall inside `window`, in order. */
export function intersectRanges(ranges: readonly ByteRange[], window: ByteRange): ByteRange[] {
  const out: ByteRange[] = [];
  const wEnd = rangeEnd(window);
  for (const r of ranges) {
    const start = Math.max(r.offset, window.offset);
    const end = Math.min(rangeEnd(r), wEnd);
    if (end > start) out.push({ offset: start, count: end - start });
  }
  return out;
}
