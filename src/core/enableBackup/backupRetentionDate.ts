// "Back up now" keeps its recovery point until a date the user picks (the portal's "Retain Backup Till"). Without
// one, Azure keeps it 30 days; we propose the same. The service accepts up to 99 years; a date that is today or
// past would expire the point before it exists. Dates are whole days in UTC; the point is kept to the day's end.

import type { Translate } from '../l10n/Translate.ts';

export const DEFAULT_RETENTION_DAYS = 30;
export const MAX_RETENTION_YEARS = 99;
const DAY_MS = 24 * 60 * 60 * 1000;

export function formatUtcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function defaultRetentionDate(now: Date): string {
  return formatUtcDate(new Date(now.getTime() + DEFAULT_RETENTION_DAYS * DAY_MS));
}

export type RetentionDateResult =
  | { readonly ok: true; readonly expiry: Date; readonly days: number }
  | { readonly ok: false; readonly message: string };

export function parseRetentionDate(text: string, now: Date, t: Translate): RetentionDateResult {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  // Date.UTC rolls 2025-02-30 over to March: a real calendar date reads back the same.
  if (!match || !date || formatUtcDate(date) !== `${match[1]}-${match[2]}-${match[3]}`) {
    return { ok: false, message: t('Enter a date as YYYY-MM-DD, for example {0}.', defaultRetentionDate(now)) };
  }
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.round((date.getTime() - today) / DAY_MS);
  if (days < 1) return { ok: false, message: t('Pick a date after today: the recovery point would expire before it is made.') };
  const latest = new Date(today);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_RETENTION_YEARS);
  if (date.getTime() > latest.getTime()) {
    return { ok: false, message: t('Azure Backup keeps an on-demand recovery point at most {0} years (until {1}).', MAX_RETENTION_YEARS, formatUtcDate(latest)) };
  }
  return { ok: true, expiry: new Date(date.getTime() + DAY_MS - 1000), days };
}
