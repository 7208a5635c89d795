// Two exports in one window must not share a destination file or a disk. The same file: the second run's fresh
// start truncates the first one's `.partial` under it. The same disk ("Export Anyway" on a disk this window is
// exporting): both hold the one SAS Azure gives per disk, and the first run's revoke cuts the second's download.
// So each export claims its files and its disks before it grants anything, and a second claim is refused with
// the export that holds it.
import { resolve } from 'node:path';
import type { ExportStep } from './planExportSteps.ts';

export interface ExportClaim {
  readonly kind: 'file' | 'resource';
  /** Normalized: resolved path, or the lower-cased ARM id (ARM ids are case-insensitive). */
  readonly key: string;
  /** What the user knows it by: the file path or the disk's name. */
  readonly label: string;
}

export class ExportInProgressError extends Error {
  readonly claim: ExportClaim;
  /** The title of the export that holds the claim. */
  readonly heldBy: string;
  constructor(claim: ExportClaim, heldBy: string) {
    super(claim.kind === 'file' ? `Another export (${heldBy}) is writing ${claim.label}.` : `${claim.label} is already being exported (${heldBy}).`);
    this.name = 'ExportInProgressError';
    this.claim = claim;
    this.heldBy = heldBy;
  }
}

export function isExportInProgressError(error: unknown): error is ExportInProgressError {
  return error instanceof ExportInProgressError;
}

/** The files and disks the steps will use. */
export function claimsForSteps(steps: readonly ExportStep[], platform: NodeJS.Platform = process.platform): ExportClaim[] {
  // Windows and macOS file systems ignore case by default: D.vhd and d.vhd are the same file there.
  const fileKey = (path: string) => (platform === 'win32' || platform === 'darwin' ? resolve(path).toLowerCase() : resolve(path));
  const claims: ExportClaim[] = [];
  for (const step of steps) {
    if (step.kind !== 'export') continue;
    claims.push(resourceClaim(step.target));
    for (const file of [step.files.vhd, step.files.guestState, step.files.vmMetadata]) if (file) claims.push({ kind: 'file', key: fileKey(file), label: file });
  }
  return claims;
}

/** The claim an export holds on a disk or snapshot while it runs. */
export function resourceClaim(target: { readonly id: string; readonly name: string }): ExportClaim {
  return { kind: 'resource', key: target.id.toLowerCase(), label: target.name };
}

/** The claims of the exports running in this process (one instance per extension host). */
export class ExportLocks {
  private readonly held = new Map<string, string>();

  /** Takes every claim or none; throws ExportInProgressError naming the first one held. Returns the release. */
  acquire(claims: readonly ExportClaim[], holder: string): () => void {
    this.refuseIfHeld(claims);
    const mine = [...new Set(claims.map(keyOf))];
    for (const key of mine) this.held.set(key, holder);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const key of mine) this.held.delete(key);
    };
  }

  /**
   * Throws ExportInProgressError naming the first claim held. Asked before any question: a disk this window is
   * exporting shows as ActiveSAS, and asking whether to revoke that link would offer to cut our own download.
   */
  refuseIfHeld(claims: readonly ExportClaim[]): void {
    for (const claim of claims) {
      const heldBy = this.holderOf(claim);
      if (heldBy !== undefined) throw new ExportInProgressError(claim, heldBy);
    }
  }

  /** The title of the export holding the claim, if one does. */
  holderOf(claim: ExportClaim): string | undefined {
    return this.held.get(keyOf(claim));
  }
}

function keyOf(claim: ExportClaim): string {
  return `${claim.kind}:${claim.key}`;
}
