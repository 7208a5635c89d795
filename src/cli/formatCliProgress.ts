// One progress line for a terminal or a pipeline log: bytes done of bytes to fetch, bytes skipped as empty,
// throughput and ETA. Numbers only, no URL: nothing secret can appear in it.
import type { DownloadProgress } from '../core/download/downloadProgress.ts';

const MB = 1e6;

export function formatCliProgress(p: DownloadProgress): string {
  const pct = p.bytesToFetch > 0 ? Math.floor((p.bytesDone / p.bytesToFetch) * 100) : 100;
  const parts = [
    `${p.phase}`,
    `${mb(p.bytesDone)} / ${mb(p.bytesToFetch)} (${pct}%)`,
    `skipped ${mb(p.bytesSkipped)} empty`,
    `${(p.bytesPerSecond / MB).toFixed(1)} MB/s`,
    `ETA ${eta(p.etaSeconds)}`,
  ];
  if (p.bytesResumed > 0) parts.push(`resumed ${mb(p.bytesResumed)}`);
  if (p.retries > 0) parts.push(`${p.retries} retries`);
  return parts.join(', ');
}

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

function eta(seconds: number | undefined): string {
  if (seconds === undefined) return '?';
  const s = Math.ceil(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
