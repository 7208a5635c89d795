// The download engine: page blob -> sparse local file, resumable, verified, renamed into place only when whole.
//
//   plan (page ranges -> requests) -> open or resume the partial file + journal -> fetch in parallel, while
//   re-reading and re-hashing every finished range in the background (and flushing the file every 256 MiB) ->
//   re-fetch any range that differs, once -> check the VHD footer -> write the manifest -> rename `.partial`
//   to the final name -> drop the journal.
//
// On cancel or failure the partial file and journal stay, so the next run continues; the final name never
// appears for an incomplete or unverified file.
import { open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import type { ConcurrencyOptions } from './adaptiveConcurrency.ts';
import { decideDownloadResume, type ResumeDecision } from './decideDownloadResume.ts';
import { DownloadError } from './downloadError.ts';
import { downloadFilePaths } from './downloadFilePaths.ts';
import { JOURNAL_KIND, JOURNAL_VERSION, type JournalHeader } from './downloadJournal.ts';
import { buildDownloadManifest } from './downloadManifest.ts';
import { createProgressThrottle, DownloadProgressMeter, type DownloadPhase, type DownloadProgress } from './downloadProgress.ts';
import { fetchPlannedRanges } from './fetchPlannedRanges.ts';
import { JournalAppender, readDownloadJournal } from './journalFile.ts';
import type { PageBlobSource, RangeRetryEvent } from './pageBlobSource.ts';
import { planPageRangeDownload, type PlanOptions } from './planPageRangeDownload.ts';
import { findMismatchedRanges, hashFileRanges } from './verifyDownloadedRanges.ts';
import { BackgroundDataSync } from './backgroundDataSync.ts';
import { fileSystemError } from './fileSystemError.ts';
import { BackgroundRangeVerifier } from './backgroundRangeVerifier.ts';
import { shouldRenewLinkEarly, type AccessWindow } from './renewLinkEarly.ts';
import { checkVhdFooter, VHD_FOOTER_BYTES, type VhdFooterFinding } from './vhdFooter.ts';

export interface PageBlobDownloadOptions {
  source: PageBlobSource;
  destinationPath: string;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  onRetry?: (event: RangeRetryEvent) => void;
  /** Minimum time between progress events (phase changes always pass). Default 250 ms. */
  progressIntervalMs?: number;
  plan?: PlanOptions;
  concurrency?: ConcurrencyOptions;
  /** Refuse to complete unless the last 512 bytes are a valid fixed-VHD footer. Default true (disks are VHDs). */
  requireVhdFooter?: boolean;
  /** Replace an existing file under the final name. Default false. */
  overwrite?: boolean;
  journalFlushIntervalMs?: number;
  /**
   * Read every range back from the file and compare its hash before completing. Default true; false exists
   * only so the benchmark can measure what verification costs (hashes on receipt and the manifest remain).
   */
  verify?: boolean;
  /** The current link's life (it changes when the link is renewed): the engine renews it before it runs out. */
  accessWindow?: () => AccessWindow | undefined;
}

export interface PageBlobDownloadResult {
  destinationPath: string;
  manifestPath: string;
  blobSize: number;
  /** Bytes written to the local file by this run (zero blocks are never written). */
  bytesWritten: number;
  /** Bytes transferred by this run (written data + merged holes, re-fetches included). */
  bytesFetched: number;
  /** Bytes an earlier run had already fetched (from the journal, re-verified). */
  bytesResumed: number;
  /** Bytes never fetched: empty regions of the disk. */
  bytesSkipped: number;
  requestCount: number;
  /** Ranges whose bytes on disk did not match their hash and were fetched again. */
  rangesRefetched: number;
  retries: number;
  peakInFlight: number;
  resumed: boolean;
  vhdFooterFindings: VhdFooterFinding[];
  elapsedMs: number;
  /** Where the time went: planning (properties + page list), fetching, re-reading to verify, footer + rename. */
  phaseMs: { planning: number; fetching: number; verifying: number; finishing: number };
}

export async function runPageBlobDownload(options: PageBlobDownloadOptions): Promise<PageBlobDownloadResult> {
  const started = performance.now();
  const signal = options.signal ?? new AbortController().signal;
  const paths = downloadFilePaths(options.destinationPath);
  const source = options.source;
  if (!options.overwrite && (await exists(paths.destination))) {
    throw new DownloadError('destinationExists', 'A file already exists under the destination name.');
  }

  const phaseMs = { planning: 0, fetching: 0, verifying: 0, finishing: 0 };
  let phaseStart = started;
  const endPhase = (phase: keyof typeof phaseMs) => {
    const at = performance.now();
    phaseMs[phase] += at - phaseStart;
    phaseStart = at;
  };
  // Both planning round trips at once (neither needs the other's answer), but the properties' verdict comes
  // first: "not a page blob" or a refused link says more than the page list's failure would.
  const listing = source.listPageRanges(signal);
  listing.catch(() => undefined);
  const properties = await source.getProperties(signal);
  const plan = planPageRangeDownload(properties.size, await listing, options.plan);
  const header: JournalHeader = {
    kind: JOURNAL_KIND, version: JOURNAL_VERSION, sourceId: source.sourceId, etag: properties.etag,
    blobSize: plan.blobSize, planFingerprint: plan.fingerprint, hashAlgorithm: 'sha256',
  };
  const decision = decideDownloadResume({
    partialFileSize: await fileSize(paths.partial), journal: await readDownloadJournal(paths.journal), expectedHeader: header, plan,
  });
  const { file, journal } = await openFiles(paths, header, plan.blobSize, decision, options.journalFlushIntervalMs);
  endPhase('planning');
  const done = decision.mode === 'resume' ? decision.doneByIndex : new Map<number, string>();
  const bytesResumed = plan.requests.filter((r) => done.has(r.index)).reduce((sum, r) => sum + r.count, 0);

  const meter = new DownloadProgressMeter({ blobSize: plan.blobSize, bytesToFetch: plan.fetchBytes, bytesSkipped: plan.skippedBytes, bytesResumed }, performance.now());
  const throttle = createProgressThrottle(options.progressIntervalMs ?? 250);
  // Renewing early: checked once a second, at most one renewal per link (renewLinkEarly.ts).
  let renewedWindow: AccessWindow | undefined;
  let lastRenewalCheck = 0;
  const renewIfOutrun = (at: number) => {
    const window = options.accessWindow?.();
    if (!window || !source.renewAccess || window === renewedWindow || at - lastRenewalCheck < 1000) return;
    lastRenewalCheck = at;
    const progress = meter.snapshot(at);
    if (!shouldRenewLinkEarly({ nowMs: Date.now(), window, bytesRemaining: progress.bytesToFetch - progress.bytesDone, bytesPerSecond: progress.bytesPerSecond })) return;
    renewedWindow = window;
    // A failed early renewal is not an error: the link still works, and a 403 at its end renews as before.
    source.renewAccess(signal).catch(() => undefined);
  };
  const report = (phase?: DownloadPhase) => {
    if (phase) meter.setPhase(phase);
    const at = performance.now();
    renewIfOutrun(at);
    if (options.onProgress && throttle(at, phase !== undefined)) options.onProgress(meter.snapshot(at));
  };
  const verify = options.verify ?? true;
  const verifier = new BackgroundRangeVerifier(file, signal);
  const dataSync = new BackgroundDataSync(file);
  const fetchInto = (requests: typeof plan.requests, writeZeroBlocks: boolean, onRangeDone?: (request: (typeof plan.requests)[number], bytesWritten: number, crc32: number) => void) =>
    fetchPlannedRanges({
      source, file, requests, journal, signal, writeZeroBlocks, concurrency: options.concurrency,
      onRangeDone: onRangeDone && ((request, _sha256, written, crc32) => onRangeDone(request, written, crc32)),
      onBytes: (n) => { meter.addBytes(n, performance.now()); report(); },
      onInFlight: (n) => meter.setInFlight(n),
      onRetry: (event) => { meter.addRetry(); options.onRetry?.(event); },
    });

  let bytesWritten = 0;
  let bytesFetched = 0;
  let peakInFlight = 0;
  let rangesRefetched = 0;
  let completed = false;
  try {
    report('downloading');
    // Ranges an earlier run wrote are only trustworthy once read back: queue them first.
    if (verify) for (const r of plan.requests) if (done.has(r.index)) verifier.add(r, { sha256: done.get(r.index)! });
    const todo = plan.requests.filter((r) => !done.has(r.index));
    const fetched = await fetchInto(todo, false, (request, written, crc32) => {
      if (verify) verifier.add(request, { crc32 });
      dataSync.noteWritten(written);
    });
    for (const [index, hash] of fetched.hashesByIndex) done.set(index, hash);
    bytesWritten += fetched.bytesWritten;
    bytesFetched += todo.reduce((sum, r) => sum + r.count, 0);
    peakInFlight = fetched.peakInFlight;
    await journal.flush();
    endPhase('fetching');

    report('verifying');
    let mismatched = verify ? [...(await verifier.mismatches())] : [];
    // The background check may have finished before the cancel came: a cancel while verifying is still a cancel.
    if (signal.aborted) throw new DownloadError('cancelled', 'The download was cancelled.', { cause: signal.reason });
    endPhase('verifying');
    if (mismatched.length > 0) {
      // Bytes on disk differ from what was received (lost write, damaged or edited file): fetch those once more,
      // writing zeros too since the region may hold wrong non-zero bytes.
      const again = plan.requests.filter((r) => mismatched.includes(r.index));
      rangesRefetched = again.length;
      const refetched = await fetchInto(again, true);
      for (const [index, hash] of refetched.hashesByIndex) done.set(index, hash);
      bytesWritten += refetched.bytesWritten;
      bytesFetched += again.reduce((sum, r) => sum + r.count, 0);
      endPhase('fetching');
      mismatched = findMismatchedRanges(again, done, await hashFileRanges(file, again, { signal }));
      endPhase('verifying');
      if (mismatched.length > 0) {
        throw new DownloadError('verificationFailed', `${mismatched.length} range(s) read back different from what was received, even after fetching them again.`);
      }
    }

    const vhdFooterFindings = plan.blobSize >= VHD_FOOTER_BYTES ? checkVhdFooter(await readFooter(file, plan.blobSize), plan.blobSize) : [];
    const footerErrors = vhdFooterFindings.filter((f) => f.severity === 'error');
    if ((options.requireVhdFooter ?? true) && (plan.blobSize < VHD_FOOTER_BYTES || footerErrors.length > 0)) {
      throw new DownloadError('vhdFooterInvalid', footerErrors.map((f) => f.message).join(' ') || 'The blob is too small to be a VHD.');
    }

    report('finishing');
    // A full disk can surface here too (the last dirty pages, the manifest): reported as such, not as a raw ENOSPC.
    try {
      await dataSync.settle();
      await file.sync();
    } catch (error) {
      throw fileSystemError(error, 'Flushing the partial file to disk');
    }
    const manifest = buildDownloadManifest({ sourceId: source.sourceId, etag: properties.etag, plan, hashesByIndex: done, completedAt: new Date(), vhdFooterFindings });
    try {
      await writeFile(`${paths.manifest}.tmp`, `${JSON.stringify(manifest, null, 1)}\n`);
      await rename(`${paths.manifest}.tmp`, paths.manifest);
    } catch (error) {
      await rm(`${paths.manifest}.tmp`, { force: true }).catch(() => undefined);
      throw fileSystemError(error, 'Writing the manifest');
    }
    try {
      await rename(paths.partial, paths.destination);
    } catch (error) {
      throw fileSystemError(error, 'Renaming the partial file to its final name');
    }
    completed = true;
    endPhase('finishing');
    report('done');
    return {
      destinationPath: paths.destination, manifestPath: paths.manifest, blobSize: plan.blobSize, bytesWritten, bytesFetched,
      bytesResumed, bytesSkipped: plan.skippedBytes, requestCount: plan.requests.length, rangesRefetched,
      retries: meter.snapshot(performance.now()).retries, peakInFlight, resumed: decision.mode === 'resume',
      vhdFooterFindings, elapsedMs: performance.now() - started, phaseMs,
    };
  } finally {
    // Background readers and syncs must end before the file handle closes under them.
    await verifier.stop();
    await dataSync.stop();
    await file.close().catch(() => undefined);
    await (completed ? journal.discard() : journal.close()).catch(() => undefined);
    if (completed) await rm(paths.journal, { force: true });
  }
}

async function openFiles(
  paths: ReturnType<typeof downloadFilePaths>, header: JournalHeader, size: number, decision: ResumeDecision, flushMs: number | undefined,
): Promise<{ file: FileHandle; journal: JournalAppender }> {
  if (decision.mode === 'resume') {
    const file = await open(paths.partial, 'r+');
    return { file, journal: await JournalAppender.resume(paths.journal, decision.journalValidLength, flushMs) };
  }
  // A fresh start: any old partial content is discarded. Truncating to the full size makes one big hole;
  // only written ranges will ever be allocated.
  const file = await open(paths.partial, 'w+');
  try {
    await file.truncate(size);
    return { file, journal: await JournalAppender.create(paths.journal, header, flushMs) };
  } catch (error) {
    await file.close();
    throw error;
  }
}

async function readFooter(file: FileHandle, size: number): Promise<Buffer> {
  const footer = Buffer.alloc(VHD_FOOTER_BYTES);
  await file.read(footer, 0, VHD_FOOTER_BYTES, size - VHD_FOOTER_BYTES);
  return footer;
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  return (await fileSize(path)) !== undefined;
}
