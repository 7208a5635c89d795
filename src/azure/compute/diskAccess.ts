// Grant and revoke read access (the export SAS) on a disk or snapshot. Exported for every flow that needs a
// disk's bytes: the VHD export, export to a storage account, Entra-ID-secured downloads.
import type { ExportTarget } from '../../core/exportDisk/exportTarget.ts';
import type { GrantedAccess } from '../../core/exportDisk/runExportTransaction.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient, freshComputeClient } from '../clients.ts';
import { localizable } from '../../core/l10n/Translate.ts';
import { LocalizableError } from '../../core/errors/LocalizableError.ts';

export type AccessTarget = Pick<ExportTarget, 'kind' | 'resourceGroup' | 'name' | 'hasGuestState'>;

export interface LroOptions {
  /** Poll interval of the long-running operation (tests poll fast; Azure's default is 2 s). */
  readonly updateIntervalInMs?: number;
  readonly abortSignal?: AbortSignal;
}

/**
 * `Read` access for `durationSeconds`; with the VM guest state link when the disk has one (Trusted Launch,
 * Confidential VMs), and the VM metadata link Azure adds for Confidential VM disks.
 */
export async function grantReadAccess(session: SubscriptionSession, target: AccessTarget, durationSeconds: number, options: LroOptions = {}): Promise<GrantedAccess> {
  const compute = await computeClient(session);
  const data = { access: 'Read' as const, durationInSeconds: durationSeconds, ...(target.hasGuestState ? { getSecureVMGuestStateSAS: true } : {}) };
  const operations = target.kind === 'disk' ? compute.disks : compute.snapshots;
  const result = await operations.grantAccess(target.resourceGroup, target.name, data, options).pollUntilDone();
  if (!result.accessSAS) throw new LocalizableError(localizable('Azure granted access to {0} but returned no download link.'), target.name);
  return {
    accessSas: result.accessSAS,
    ...(result.securityDataAccessSAS ? { securityDataAccessSas: result.securityDataAccessSAS } : {}),
    ...(result.securityMetadataAccessSAS ? { securityMetadataAccessSas: result.securityMetadataAccessSAS } : {}),
  };
}

/**
 * Ends access (endGetAccess). Uses a new client, so its pipeline asks the credential for a token again instead of
 * reusing one cached when the export started hours ago; never tied to the user's cancel.
 */
export async function revokeReadAccess(session: SubscriptionSession, target: Pick<AccessTarget, 'kind' | 'resourceGroup' | 'name'>, options: Omit<LroOptions, 'abortSignal'> = {}): Promise<void> {
  const compute = await freshComputeClient(session);
  const operations = target.kind === 'disk' ? compute.disks : compute.snapshots;
  await operations.revokeAccess(target.resourceGroup, target.name, options).pollUntilDone();
}

