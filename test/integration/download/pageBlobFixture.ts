// A sparse page blob shaped like a managed disk in Azurite: scattered written ranges of random bytes, holes,
// and a valid fixed-VHD footer as its last page; plus read-only SAS URLs for it.
import { randomBytes } from 'node:crypto';
import {
  BlobSASPermissions, BlobServiceClient, generateBlobSASQueryParameters, StorageSharedKeyCredential, type ContainerClient,
} from '@azure/storage-blob';
import { normalizeRanges, totalBytes, type ByteRange } from '../../../src/core/download/byteRange.ts';
import { buildFixedVhdFooter } from '../../../src/core/download/vhdFooter.ts';

export interface AzuriteAccount {
  blobEndpoint: string;
  accountName: string;
  accountKey: string;
}

export interface PageBlobFixture {
  container: ContainerClient;
  blobName: string;
  /** The whole blob as it should come out (holes as zeros). Only for small fixtures. */
  expected?: Buffer;
  blobSize: number;
  writtenBytes: number;
  sasUrl(options?: { expiresInSeconds?: number }): string;
}

const UPLOAD_CHUNK = 4 * 1024 * 1024;

/**
 * Creates the blob: `diskBytes` (a multiple of 512) + a 512-byte footer. `written` ranges are filled with random
 * bytes; with keepExpected the whole content is kept in memory for byte comparison.
 */
export async function createSparseVhdBlob(
  account: AzuriteAccount, containerName: string, blobName: string, diskBytes: number, written: ByteRange[], keepExpected = true,
): Promise<PageBlobFixture> {
  const credential = new StorageSharedKeyCredential(account.accountName, account.accountKey);
  const service = new BlobServiceClient(account.blobEndpoint, credential);
  const container = service.getContainerClient(containerName);
  await container.createIfNotExists();
  const blob = container.getPageBlobClient(blobName);
  const blobSize = diskBytes + 512;
  await blob.create(blobSize);
  const expected = keepExpected ? Buffer.alloc(blobSize) : undefined;
  for (const range of written) {
    for (let at = range.offset; at < range.offset + range.count; at += UPLOAD_CHUNK) {
      const count = Math.min(UPLOAD_CHUNK, range.offset + range.count - at);
      const data = randomBytes(count);
      await blob.uploadPages(data, at, count);
      data.copy(expected ?? Buffer.alloc(0), at);
    }
  }
  const footer = buildFixedVhdFooter(diskBytes, randomBytes(16));
  await blob.uploadPages(footer, diskBytes, 512);
  footer.copy(expected ?? Buffer.alloc(0), diskBytes);
  // Ranges may overlap: count each written byte once.
  const writtenBytes = totalBytes(normalizeRanges([...written, { offset: diskBytes, count: 512 }], blobSize));
  return {
    container, blobName, expected, blobSize, writtenBytes,
    sasUrl(options = {}) {
      const sas = generateBlobSASQueryParameters({
        containerName, blobName, permissions: BlobSASPermissions.parse('r'),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + (options.expiresInSeconds ?? 3600) * 1000),
      }, credential);
      return `${blob.url}?${sas.toString()}`;
    },
  };
}

/** Written ranges spread over a disk: `count` runs of `runBytes`, evenly spaced (page-aligned). */
export function spreadRanges(diskBytes: number, count: number, runBytes: number): ByteRange[] {
  const stride = Math.floor(diskBytes / count / 512) * 512;
  return Array.from({ length: count }, (_, i) => ({ offset: i * stride, count: Math.min(runBytes, stride) }));
}
