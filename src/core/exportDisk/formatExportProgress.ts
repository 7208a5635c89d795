// The words and numbers a person watches while a disk downloads: bytes done of bytes to fetch, what was skipped
// because the disk is empty there, the rate and the time left. Shared by the notification and the status bar.
import type { DownloadProgress } from '../download/downloadProgress.ts';
import type { Translate } from '../l10n/Translate.ts';
import { formatDuration } from './accessDuration.ts';

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** `1.20 GiB of 4.00 GiB · 3.9 GiB empty, skipped · 85.0 MiB/s · 20 s left` (phase words while not downloading). */
export function formatExportProgress(progress: DownloadProgress, t: Translate): string {
  switch (progress.phase) {
    case 'planning': return t('Reading the written ranges…');
    case 'verifying': return t('Verifying {0}…', formatBytes(progress.bytesToFetch));
    case 'finishing': return t('Finishing…');
    case 'done': return t('Done');
    case 'downloading': break;
  }
  const parts = [t('{0} of {1}', formatBytes(progress.bytesDone), formatBytes(progress.bytesToFetch))];
  if (progress.bytesSkipped > 0) parts.push(t('{0} empty, skipped', formatBytes(progress.bytesSkipped)));
  if (progress.bytesPerSecond > 0) parts.push(`${formatBytes(progress.bytesPerSecond)}/s`);
  if (progress.etaSeconds !== undefined && progress.bytesDone < progress.bytesToFetch) parts.push(t('{0} left', formatDuration(progress.etaSeconds)));
  return parts.join(' · ');
}

/** 0–100, for the notification's bar: fetched bytes only (verification is quick beside them). */
export function percentDone(progress: DownloadProgress): number {
  if (progress.phase === 'done') return 100;
  if (progress.bytesToFetch <= 0) return 0;
  return Math.min(100, (progress.bytesDone / progress.bytesToFetch) * 100);
}
