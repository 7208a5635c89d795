// Turns a page blob's written ranges into the GET requests that fetch them.
//
// Why merge: a disk's page list holds many small scattered runs (file system metadata, 4 KiB writes); one request
// each would spend the transfer on round trips. Fetching a small hole between two runs costs less than a request,
// and the hole's zeros are not written to disk anyway (see dataRanges).
// Why split at >= target bytes: Azure serves large ranges fine, but Azurite (and any server computing a range MD5)
// reads ranges of <= 4 MiB twice, so requests of 8-16 MiB run about twice as fast as 4 MiB ones. The upper bound
// (2 x target) keeps memory per request and the work lost to a failed request small.
import { createHash } from 'node:crypto';
import { intersectRanges, normalizeRanges, totalBytes, type ByteRange } from './byteRange.ts';

export interface PlannedRangeRequest {
  /** Position in the plan; stable for the same inputs. */
  index: number;
  offset: number;
  count: number;
  /** The written ranges inside this request (absolute offsets). Bytes outside them are holes: fetched, not written. */
  dataRanges: ByteRange[];
}

export interface PageRangeDownloadPlan {
  blobSize: number;
  requests: PlannedRangeRequest[];
  /** Bytes the service reports as written. */
  dataBytes: number;
  /** Bytes the requests transfer (data + merged holes). */
  fetchBytes: number;
  /** Bytes never fetched: holes that read as zeros and stay holes in the sparse file. */
  skippedBytes: number;
  /** Identifies this exact request list, so a journal written for another plan is not trusted. */
  fingerprint: string;
}

export interface PlanOptions {
  /** Holes up to this size between two written ranges are fetched rather than paying for another request. */
  mergeGapBytes?: number;
  /** Requests are split into pieces of at least this size (when the run allows) and below twice this size. */
  targetRequestBytes?: number;
  /** Split points fall on multiples of this (page size). */
  alignmentBytes?: number;
}

export const DEFAULT_MERGE_GAP_BYTES = 512 * 1024;
export const DEFAULT_TARGET_REQUEST_BYTES = 8 * 1024 * 1024;
const PAGE_BYTES = 512;

export function planPageRangeDownload(
  blobSize: number,
  pageRanges: readonly ByteRange[],
  options: PlanOptions = {},
): PageRangeDownloadPlan {
  const mergeGap = options.mergeGapBytes ?? DEFAULT_MERGE_GAP_BYTES;
  const target = options.targetRequestBytes ?? DEFAULT_TARGET_REQUEST_BYTES;
  const alignment = options.alignmentBytes ?? PAGE_BYTES;
  if (!(target >= alignment) || alignment <= 0 || mergeGap < 0) throw new RangeError('invalid download plan options');

  const data = normalizeRanges(pageRanges, blobSize);
  const requests: PlannedRangeRequest[] = [];
  for (const span of groupNearRanges(data, mergeGap)) {
    for (const piece of splitEvenly(span, target, alignment)) {
      requests.push({ index: requests.length, ...piece, dataRanges: intersectRanges(data, piece) });
    }
  }
  const dataBytes = totalBytes(data);
  const fetchBytes = totalBytes(requests);
  return {
    blobSize,
    requests,
    dataBytes,
    fetchBytes,
    skippedBytes: blobSize - fetchBytes,
    fingerprint: fingerprintRequests(blobSize, requests),
  };
}

/** Sorted disjoint ranges -> spans covering runs whose gaps are <= maxGap. */
export function groupNearRanges(sorted: readonly ByteRange[], maxGap: number): ByteRange[] {
  const spans: ByteRange[] = [];
  for (const r of sorted) {
    const last = spans.at(-1);
    if (last && r.offset - (last.offset + last.count) <= maxGap) {
      last.count = r.offset + r.count - last.offset;
    } else {
      spans.push({ offset: r.offset, count: r.count });
    }
  }
  return spans;
}

/**
 * Splits a span into floor(len / target) pieces (at least one) of nearly equal size, cut on `alignment`
 * boundaries: every piece is >= target when the span allows it and < 2 x target + alignment. Equal pieces avoid
 * a small tail request (a 12 MiB run becomes 12, not 8 + 4).
 */
export function splitEvenly(span: ByteRange, target: number, alignment: number): ByteRange[] {
  const pieces = Math.max(1, Math.floor(span.count / target));
  if (pieces === 1) return [{ ...span }];
  const units = Math.floor(span.count / alignment);
  const base = Math.floor(units / pieces);
  const extra = units % pieces;
  const out: ByteRange[] = [];
  let offset = span.offset;
  for (let i = 0; i < pieces; i++) {
    let count = (base + (i < extra ? 1 : 0)) * alignment;
    if (i === pieces - 1) count = span.offset + span.count - offset; // unaligned tail bytes, if any
    out.push({ offset, count });
    offset += count;
  }
  return out;
}

function fingerprintRequests(blobSize: number, requests: readonly ByteRange[]): string {
  const hash = createHash('sha256').update(`size=${blobSize};`);
  for (const r of requests) hash.update(`${r.offset}+${r.count};`);
  return hash.digest('hex').slice(0, 32);
}
