// The resume journal: an append-only JSON-lines file beside `<name>.vhd.partial` saying which planned requests
// are on disk and the SHA-256 of their bytes.
//
// Why append-only lines: appending a line is the only write we do, so a crash can only tear the last line.
// Why a checksum per line: a crash can also leave NUL bytes or half a line; a line must prove itself whole.
// Parsing stops at the first line that does not, and reports where the valid part ends so the writer truncates
// the torn tail before appending (otherwise every later entry would sit behind the garbage and be ignored).
import { createHash } from 'node:crypto';
import type { PageRangeDownloadPlan } from './planPageRangeDownload.ts';

export const JOURNAL_KIND = 'azure-linux-vm.download-journal';
export const JOURNAL_VERSION = 1;

export interface JournalHeader {
  kind: typeof JOURNAL_KIND;
  version: typeof JOURNAL_VERSION;
  /** A description of the source without secrets (scheme, host, path). */
  sourceId: string;
  etag?: string;
  blobSize: number;
  planFingerprint: string;
  hashAlgorithm: 'sha256';
}

export interface JournalEntry {
  offset: number;
  count: number;
  sha256: string;
}

export interface ParsedJournal {
  header?: JournalHeader;
  entries: JournalEntry[];
  /** Bytes of the file that hold whole, valid lines; anything after is a torn tail to cut off. */
  validLength: number;
  tornTail: boolean;
}

export function formatJournalHeader(header: JournalHeader): string {
  return `${JSON.stringify(header)}\n`;
}

export function formatJournalEntry(entry: JournalEntry): string {
  return `${JSON.stringify({ o: entry.offset, n: entry.count, h: entry.sha256, c: entryCheck(entry) })}\n`;
}

export function parseDownloadJournal(bytes: Uint8Array): ParsedJournal {
  const entries: JournalEntry[] = [];
  let header: JournalHeader | undefined;
  let position = 0;
  while (position < bytes.length) {
    const newline = bytes.indexOf(0x0a, position);
    if (newline < 0) break; // a last line without its newline was never finished
    const line = Buffer.from(bytes.subarray(position, newline)).toString('utf8');
    if (header === undefined) {
      header = parseHeader(line);
      if (header === undefined) break;
    } else {
      const entry = parseEntry(line);
      if (entry === undefined) break;
      entries.push(entry);
    }
    position = newline + 1;
  }
  return { header, entries, validLength: header ? position : 0, tornTail: position < bytes.length };
}

export type JournalMatch =
  | { usable: true; doneByIndex: Map<number, string> }
  | { usable: false; reason: 'missing' | 'differentSource' | 'differentPlan' };

/**
 * Which planned requests the journal vouches for. A journal from another blob, another version of it (ETag) or
 * another plan is not used at all: its offsets would describe different bytes.
 */
export function matchJournalToPlan(journal: ParsedJournal, expected: JournalHeader, plan: PageRangeDownloadPlan): JournalMatch {
  const header = journal.header;
  if (!header) return { usable: false, reason: 'missing' };
  if (header.sourceId !== expected.sourceId || header.etag !== expected.etag || header.blobSize !== expected.blobSize) {
    return { usable: false, reason: 'differentSource' };
  }
  if (header.planFingerprint !== plan.fingerprint) return { usable: false, reason: 'differentPlan' };
  const indexByOffset = new Map(plan.requests.map((r) => [r.offset, r]));
  const doneByIndex = new Map<number, string>();
  for (const entry of journal.entries) {
    const request = indexByOffset.get(entry.offset);
    if (request && request.count === entry.count) doneByIndex.set(request.index, entry.sha256);
  }
  return { usable: true, doneByIndex };
}

function parseHeader(line: string): JournalHeader | undefined {
  const value = tryParseObject(line);
  if (!value || value.kind !== JOURNAL_KIND || value.version !== JOURNAL_VERSION) return undefined;
  if (typeof value.sourceId !== 'string' || !isSize(value.blobSize) || typeof value.planFingerprint !== 'string') return undefined;
  if (value.etag !== undefined && typeof value.etag !== 'string') return undefined;
  if (value.hashAlgorithm !== 'sha256') return undefined;
  return value as unknown as JournalHeader;
}

function parseEntry(line: string): JournalEntry | undefined {
  const value = tryParseObject(line);
  if (!value || !isSize(value.o) || !isSize(value.n) || typeof value.h !== 'string' || !/^[0-9a-f]{64}$/.test(value.h)) {
    return undefined;
  }
  const entry = { offset: value.o, count: value.n, sha256: value.h };
  return value.c === entryCheck(entry) ? entry : undefined;
}

function tryParseObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function entryCheck(entry: JournalEntry): string {
  return createHash('sha256').update(`${entry.offset}+${entry.count}+${entry.sha256}`).digest('hex').slice(0, 8);
}
