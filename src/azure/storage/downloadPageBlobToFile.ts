// The entry point for "download this disk": a SAS URL in, a verified sparse VHD (plus manifest) out.
// Composes the SDK-backed source with the pure engine; callers (the export flow, the CLI) need nothing else.
import { runPageBlobDownload, type PageBlobDownloadOptions, type PageBlobDownloadResult } from '../../core/download/runPageBlobDownload.ts';
import { createPageBlobSource, type PageBlobSourceOptions } from './createPageBlobSource.ts';

export interface DownloadPageBlobToFileOptions extends PageBlobSourceOptions, Omit<PageBlobDownloadOptions, 'source'> {}

export type DownloadPageBlobToFileResult = PageBlobDownloadResult;

/**
 * Downloads the page blob at `sasUrl` to `destinationPath`: only written ranges are fetched, the file is sparse,
 * `<destination>.partial` + journal let a later call resume, and the final name appears only when every range
 * re-reads to its hash and the VHD footer is valid. Throws DownloadError (see its `code`).
 */
export async function downloadPageBlobToFile(options: DownloadPageBlobToFileOptions): Promise<DownloadPageBlobToFileResult> {
  const source = await createPageBlobSource(options);
  return runPageBlobDownload({ ...options, source });
}
