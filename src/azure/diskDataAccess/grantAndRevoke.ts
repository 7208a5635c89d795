import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';
import { freshComputeClient } from '../clients.ts';
import type { DiskRef } from './diskRef.ts';
import { localizable } from '../../core/l10n/Translate.ts';
import { LocalizableError } from '../../core/errors/LocalizableError.ts';

// Thin grant/revoke calls for the storage export. The VHD export's adapters (src/azure/compute/diskAccess.ts) do
// the same; switch to them once they are committed.

export interface LroOptions {
  readonly updateIntervalInMs?: number;
}

/** beginGetAccess (Read) -> the SAS URL of the disk's VHD. */
export async function grantReadAccess(session: SubscriptionSession, ref: DiskRef, durationInSeconds: number, options: LroOptions & { abortSignal?: AbortSignal } = {}): Promise<string> {
  const compute = await computeClient(session);
  const operations = ref.kind === 'disk' ? compute.disks : compute.snapshots;
  const result = await operations.grantAccess(ref.resourceGroup, ref.name, { access: 'Read', durationInSeconds }, options).pollUntilDone();
  if (!result.accessSAS) throw new LocalizableError(localizable('Azure granted access to {0} but returned no download link.'), ref.name);
  return result.accessSAS;
}

/** endGetAccess, on a fresh client (a fresh token), never tied to the user's cancel. */
export async function revokeReadAccess(session: SubscriptionSession, ref: DiskRef, options: LroOptions = {}): Promise<void> {
  const compute = await freshComputeClient(session);
  const operations = ref.kind === 'disk' ? compute.disks : compute.snapshots;
  await operations.revokeAccess(ref.resourceGroup, ref.name, options).pollUntilDone();
}
