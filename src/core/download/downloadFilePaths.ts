// The files a download leaves beside its destination. The final name appears only by renaming the partial file
// once everything is verified, so a file under the final name is always complete.

export interface DownloadFilePaths {
  destination: string;
  partial: string;
  journal: string;
  manifest: string;
}

export function downloadFilePaths(destination: string): DownloadFilePaths {
  return {
    destination,
    partial: `${destination}.partial`,
    journal: `${destination}.partial.journal`,
    manifest: `${destination}.manifest.json`,
  };
}
