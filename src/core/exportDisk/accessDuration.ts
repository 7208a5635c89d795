// How long the SAS of an export lives. Long enough for the transfer (a SAS that expires mid-way costs a re-grant),
// short enough to limit exposure, and never past Azure's limit: since 15 February 2025 a disk or snapshot SAS
// may last at most 60 days (5,184,000 s); a longer request is refused.
import type { Translate } from '../l10n/Translate.ts';

export const MAX_ACCESS_SECONDS = 5_184_000;
export const MIN_ACCESS_SECONDS = 1;
/** The portal's default, and our floor for small disks: planning, verification and a slow start fit in it. */
export const DEFAULT_ACCESS_SECONDS = 3600;
/** A cautious download rate for a home or office link; the engine goes faster where it can. */
export const ASSUMED_BYTES_PER_SECOND = 16 * 1024 * 1024;
const MARGIN_FACTOR = 2;
const FIXED_MARGIN_SECONDS = 15 * 60;

/**
 * Seconds of access for `bytesToTransfer`. Before the grant only the provisioned size is known (listing the page
 * ranges needs the link), so that is what the export passes: on a mostly empty disk the link lives longer than
 * the transfer needs, never shorter by design. When the transfer is slower than this estimate, the engine asks for
 * a new link shortly before the old one ends (core/download/renewLinkEarly.ts) instead of failing at its expiry.
 * Formula:
 * twice the time at the assumed rate plus a quarter hour, at least an hour, rounded up to a whole minute, at
 * most 60 days.
 */
export function estimateAccessSeconds(bytesToTransfer: number, bytesPerSecond = ASSUMED_BYTES_PER_SECOND): number {
  const transfer = Math.max(0, bytesToTransfer) / Math.max(1, bytesPerSecond);
  const seconds = Math.ceil((transfer * MARGIN_FACTOR + FIXED_MARGIN_SECONDS) / 60) * 60;
  return Math.min(MAX_ACCESS_SECONDS, Math.max(DEFAULT_ACCESS_SECONDS, seconds));
}

export type AccessSecondsCheck = { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly message: string };

/** Reads what the user typed (digits, optionally with `,` `_` or spaces as separators). */
export function parseAccessSeconds(text: string, t: Translate): AccessSecondsCheck {
  const cleaned = text.trim().replace(/[,_\s]/g, '');
  if (cleaned === '') return { ok: false, message: t('Enter the number of seconds the download link stays valid (1 to 5,184,000).') };
  if (!/^-?\d+$/.test(cleaned)) return { ok: false, message: t('"{0}" is not a whole number of seconds.', text.trim()) };
  const seconds = Number(cleaned);
  if (seconds < MIN_ACCESS_SECONDS) return { ok: false, message: t('The access duration must be at least 1 second.') };
  if (seconds > MAX_ACCESS_SECONDS) {
    return { ok: false, message: t('Azure allows at most 5,184,000 seconds (60 days) of access to a disk or snapshot; {0} is more. Use a shorter duration.', formatNumber(seconds)) };
  }
  return { ok: true, seconds };
}

/** `1 h 30 min`, `2 d 4 h`, `45 s`: the two largest units, for prompts and messages. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const units: Array<[string, number]> = [['d', 86_400], ['h', 3600], ['min', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = s;
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 || (parts.length === 0 && size === 1)) parts.push(`${n} ${unit}`);
    rest -= n * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}
