// A small JSON file beside the VHD recording what was downloaded: the source (without secrets), each range and
// its SHA-256, and when. It lets someone check the file later, or prove which disk version it came from.
import type { PageRangeDownloadPlan } from './planPageRangeDownload.ts';
import type { VhdFooterFinding } from './vhdFooter.ts';

export interface DownloadManifest {
  kind: 'azure-linux-vm.download-manifest';
  version: 1;
  sourceId: string;
  etag?: string;
  blobSize: number;
  completedAt: string;
  hashAlgorithm: 'sha256';
  dataBytes: number;
  fetchedBytes: number;
  skippedBytes: number;
  /** Every byte outside these ranges is zero (a hole in the blob). */
  ranges: { offset: number; count: number; sha256: string }[];
  vhdFooterFindings: VhdFooterFinding[];
}

export function buildDownloadManifest(input: {
  sourceId: string;
  etag?: string;
  plan: PageRangeDownloadPlan;
  hashesByIndex: ReadonlyMap<number, string>;
  completedAt: Date;
  vhdFooterFindings: VhdFooterFinding[];
}): DownloadManifest {
  const { plan } = input;
  return {
    kind: 'azure-linux-vm.download-manifest',
    version: 1,
    sourceId: input.sourceId,
    etag: input.etag,
    blobSize: plan.blobSize,
    completedAt: input.completedAt.toISOString(),
    hashAlgorithm: 'sha256',
    dataBytes: plan.dataBytes,
    fetchedBytes: plan.fetchBytes,
    skippedBytes: plan.skippedBytes,
    ranges: plan.requests.map((r) => {
      const sha256 = input.hashesByIndex.get(r.index);
      if (sha256 === undefined) throw new Error(`manifest: range ${r.index} has no hash`);
      return { offset: r.offset, count: r.count, sha256 };
    }),
    vhdFooterFindings: input.vhdFooterFindings,
  };
}
