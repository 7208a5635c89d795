// Runs planned export steps through ports (the Azure adapters in the extension, fakes in unit tests). The one
// promise it keeps: every grant is followed by a revoke, in a `finally`, after success, failure or cancel, with
// a few attempts; a revoke that still fails is reported (onRevokeFailed) so the user is told and the disk shown.
import type { DownloadProgress } from '../download/downloadProgress.ts';
import type { PageBlobDownloadResult } from '../download/runPageBlobDownload.ts';
import type { AccessWindow } from '../download/renewLinkEarly.ts';
import type { ExportTarget, ResourceRef } from './exportTarget.ts';
import type { ExportStep } from './planExportSteps.ts';
import { claimsForSteps, type ExportLocks } from './exportLocks.ts';
import { isGrantRefusal, revokeWithRetries } from './revokeWithRetries.ts';

export interface GrantedAccess {
  readonly accessSas: string;
  /** The VM guest state's link (asked for when the target has one). */
  readonly securityDataAccessSas?: string;
  /** The VM metadata's link: Azure returns it with the guest state's for Confidential VM disks. */
  readonly securityMetadataAccessSas?: string;
}

export interface DownloadRequest {
  readonly target: ExportTarget;
  readonly sasUrl: string;
  readonly destinationPath: string;
  /** A new link when the current one is refused mid-way (expired): the runner grants again. */
  readonly getFreshSasUrl: (signal: AbortSignal) => Promise<string>;
  /** The current link's life, so the engine can renew it before it expires when the transfer is slower than planned. */
  readonly accessWindow?: () => AccessWindow;
  readonly requireVhdFooter: boolean;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: DownloadProgress) => void;
}

export interface ExportPorts {
  deallocateVm(vm: ResourceRef, signal: AbortSignal): Promise<void>;
  createSnapshot(source: ExportTarget, snapshot: ExportTarget, incremental: boolean, signal: AbortSignal): Promise<void>;
  grantAccess(target: ExportTarget, durationSeconds: number, signal: AbortSignal): Promise<GrantedAccess>;
  /** Must not depend on the user's cancel, and should use a fresh ARM token (the download may have taken hours). */
  revokeAccess(target: ExportTarget): Promise<void>;
  download(request: DownloadRequest): Promise<PageBlobDownloadResult>;
}

export type ExportFile = 'vhd' | 'guestState' | 'vmMetadata';

export interface ExportEvents {
  onStep?(step: ExportStep, index: number, count: number): void;
  onProgress?(step: Extract<ExportStep, { kind: 'export' }>, file: ExportFile, progress: DownloadProgress): void;
  onRevokeFailed?(target: ExportTarget, error: unknown): void;
}

/** What has happened so far; filled as steps complete, so a caller still knows it after a failure. */
export interface ExportOutcome {
  deallocatedVm?: ResourceRef;
  readonly snapshotsCreated: ExportTarget[];
  readonly exported: Array<{
    readonly step: Extract<ExportStep, { kind: 'export' }>;
    readonly vhd: PageBlobDownloadResult;
    readonly guestState?: PageBlobDownloadResult;
    readonly vmMetadata?: PageBlobDownloadResult;
  }>;
  readonly revokeFailures: Array<{ readonly target: ExportTarget; readonly error: unknown }>;
}

export interface RunExportOptions {
  readonly signal: AbortSignal;
  readonly events?: ExportEvents;
  readonly outcome?: ExportOutcome;
  /** Waits between revoke attempts (tests pass a no-op). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly revokeDelaysMs?: readonly number[];
  /** The exports running in this process: the steps' files and disks are claimed before anything runs. */
  readonly locks?: ExportLocks;
  /** How a refused claim names this export to the other one. */
  readonly title?: string;
}

export function newExportOutcome(): ExportOutcome {
  return { snapshotsCreated: [], exported: [], revokeFailures: [] };
}

export async function runExportTransaction(steps: readonly ExportStep[], ports: ExportPorts, options: RunExportOptions): Promise<ExportOutcome> {
  const outcome = options.outcome ?? newExportOutcome();
  // Throws ExportInProgressError before any step when another export holds one of our files or disks.
  const release = options.locks?.acquire(claimsForSteps(steps), options.title ?? steps.map((s) => (s.kind === 'export' ? s.displayName : '')).filter(Boolean).join(', '));
  try {
    await runSteps(steps, ports, options, outcome);
  } finally {
    release?.();
  }
  return outcome;
}

async function runSteps(steps: readonly ExportStep[], ports: ExportPorts, options: RunExportOptions, outcome: ExportOutcome): Promise<void> {
  const { signal, events } = options;
  for (const [index, step] of steps.entries()) {
    throwIfAborted(signal);
    events?.onStep?.(step, index, steps.length);
    switch (step.kind) {
      case 'deallocateVm':
        await ports.deallocateVm(step.vm, signal);
        outcome.deallocatedVm = step.vm;
        break;
      case 'createSnapshot':
        await ports.createSnapshot(step.source, step.snapshot, step.incremental, signal);
        outcome.snapshotsCreated.push(step.snapshot);
        break;
      case 'export':
        outcome.exported.push(await exportOne(step, ports, options, outcome));
        break;
    }
  }
}

/** grant -> download (VHD, then guest state) -> revoke, always. */
export async function exportOne(
  step: Extract<ExportStep, { kind: 'export' }>, ports: ExportPorts, options: RunExportOptions, outcome: ExportOutcome,
): Promise<ExportOutcome['exported'][number]> {
  const { signal, events } = options;
  const target = step.target;
  let granted = false;
  try {
    let access: GrantedAccess;
    const windowFrom = (grantedAtMs: number): AccessWindow => ({ grantedAtMs, expiresAtMs: grantedAtMs + step.durationSeconds * 1000 });
    let window = windowFrom(Date.now());
    try {
      access = await ports.grantAccess(target, step.durationSeconds, signal);
      granted = true;
    } catch (error) {
      // A grant cancelled or failed on our side may still complete in Azure: revoke then too. Only a refusal
      // (4xx) surely granted nothing, and revoking then could end someone else's download.
      granted = !isGrantRefusal(error);
      throw error;
    }
    const regrant = async (innerSignal: AbortSignal) => {
      const askedAt = Date.now();
      access = await ports.grantAccess(target, step.durationSeconds, innerSignal);
      window = windowFrom(askedAt);
      return access;
    };
    const accessWindow = () => window;
    const vhd = await ports.download({
      target, sasUrl: access.accessSas, destinationPath: step.files.vhd, requireVhdFooter: true, signal, accessWindow,
      getFreshSasUrl: async (s) => (await regrant(s)).accessSas,
      onProgress: (p) => events?.onProgress?.(step, 'vhd', p),
    });
    let guestState: PageBlobDownloadResult | undefined;
    if (step.files.guestState) {
      if (!access.securityDataAccessSas) throw new Error(`Azure returned no VM guest state link for ${target.name}.`);
      guestState = await ports.download({
        target, sasUrl: access.securityDataAccessSas, destinationPath: step.files.guestState, requireVhdFooter: false, signal, accessWindow,
        getFreshSasUrl: async (s) => {
          const fresh = await regrant(s);
          if (!fresh.securityDataAccessSas) throw new Error(`Azure returned no VM guest state link for ${target.name}.`);
          return fresh.securityDataAccessSas;
        },
        onProgress: (p) => events?.onProgress?.(step, 'guestState', p),
      });
    }
    // Confidential VM disks: Azure also hands out the VM metadata; it belongs with the guest state, like it.
    let vmMetadata: PageBlobDownloadResult | undefined;
    if (step.files.vmMetadata && access.securityMetadataAccessSas) {
      vmMetadata = await ports.download({
        target, sasUrl: access.securityMetadataAccessSas, destinationPath: step.files.vmMetadata, requireVhdFooter: false, signal, accessWindow,
        getFreshSasUrl: async (s) => {
          const fresh = await regrant(s);
          if (!fresh.securityMetadataAccessSas) throw new Error(`Azure returned no VM metadata link for ${target.name}.`);
          return fresh.securityMetadataAccessSas;
        },
        onProgress: (p) => events?.onProgress?.(step, 'vmMetadata', p),
      });
    }
    return { step, vhd, guestState, ...(vmMetadata ? { vmMetadata } : {}) };
  } finally {
    if (granted) await revokeWithRetry(target, ports, options, outcome);
  }
}

async function revokeWithRetry(target: ExportTarget, ports: ExportPorts, options: RunExportOptions, outcome: ExportOutcome): Promise<void> {
  const failed = await revokeWithRetries(() => ports.revokeAccess(target), { delaysMs: options.revokeDelaysMs, sleep: options.sleep });
  if (!failed) return;
  outcome.revokeFailures.push({ target, error: failed.error });
  options.events?.onRevokeFailed?.(target, failed.error);
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) {
    const error = new Error('The export was cancelled.');
    error.name = 'AbortError';
    throw error;
  }
}
