// An in-memory page blob for engine tests: serves ranges in 64 KiB chunks, can stop after N ranges (to simulate
// a crash or a cancel) and counts what it served.
import type { ByteRange } from '../../../src/core/download/byteRange.ts';
import type { PageBlobSource } from '../../../src/core/download/pageBlobSource.ts';
import { buildFixedVhdFooter } from '../../../src/core/download/vhdFooter.ts';

export interface FakeBlob {
  bytes: Buffer;
  pageRanges: ByteRange[];
}

/** A VHD-shaped blob: `diskBytes` of disk with `written` ranges filled with non-zero bytes, then a footer. */
export function makeFakeVhd(diskBytes: number, written: ByteRange[]): FakeBlob {
  const bytes = Buffer.alloc(diskBytes + 512);
  for (const r of written) for (let i = r.offset; i < r.offset + r.count; i++) bytes[i] = ((i * 7) % 255) + 1;
  buildFixedVhdFooter(diskBytes).copy(bytes, diskBytes);
  return { bytes, pageRanges: [...written, { offset: diskBytes, count: 512 }] };
}

export function fakePageBlobSource(blob: FakeBlob, options: { failAfterRanges?: number; onRange?: (r: ByteRange) => void; etag?: string } = {}) {
  const served: ByteRange[] = [];
  const source: PageBlobSource = {
    sourceId: 'https://fake.blob.core.windows.net/disks/abcd',
    async getProperties() {
      return { size: blob.bytes.length, etag: options.etag ?? '"0x1"' };
    },
    async listPageRanges() {
      return blob.pageRanges.map((r) => ({ ...r }));
    },
    async readRange(range, receive, { signal }) {
      if (options.failAfterRanges !== undefined && served.length >= options.failAfterRanges) {
        throw Object.assign(new Error('injected failure'), { name: 'InjectedFailure' });
      }
      served.push(range);
      options.onRange?.(range);
      for (let at = range.offset; at < range.offset + range.count; at += 65536) {
        signal.throwIfAborted();
        await receive(blob.bytes.subarray(at, Math.min(range.offset + range.count, at + 65536)));
      }
    },
  };
  return { source, served };
}
