/** What Get Blob Properties says about a running Copy Blob, as the progress notification needs it. */
export interface CopyProgress {
  readonly status: 'pending' | 'success' | 'aborted' | 'failed' | 'unknown';
  readonly bytesCopied: number;
  readonly totalBytes: number;
  /** 0–100, whole numbers. */
  readonly percent: number;
  /** `x-ms-copy-status-description` on failure (Azure's words). */
  readonly description?: string;
}

/**
 * Reads `copyStatus` + `copyProgress` ("<bytes copied>/<total bytes>") of the destination blob. Azure reports
 * progress in bytes of the whole blob, holes included, so the percentage moves evenly over a sparse disk.
 */
export function readCopyProgress(props: { copyStatus?: string; copyProgress?: string; copyStatusDescription?: string }): CopyProgress {
  const match = /^(\d+)\/(\d+)$/.exec(props.copyProgress ?? '');
  const bytesCopied = match ? Number(match[1]) : 0;
  const totalBytes = match ? Number(match[2]) : 0;
  const known = ['pending', 'success', 'aborted', 'failed'] as const;
  const status = (known as readonly string[]).includes(props.copyStatus ?? '') ? (props.copyStatus as CopyProgress['status']) : 'unknown';
  const percent = status === 'success' ? 100 : totalBytes > 0 ? Math.min(100, Math.floor((bytesCopied / totalBytes) * 100)) : 0;
  return { status, bytesCopied, totalBytes, percent, ...(props.copyStatusDescription ? { description: props.copyStatusDescription } : {}) };
}
