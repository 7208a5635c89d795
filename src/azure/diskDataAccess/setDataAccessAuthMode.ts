import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';
import type { DiskRef } from './diskRef.ts';

/** PATCH `dataAccessAuthMode` on a disk or snapshot (a long-running operation); returns the mode Azure reports after. */
export async function setDataAccessAuthMode(
  session: SubscriptionSession,
  ref: DiskRef,
  mode: string,
  options: { updateIntervalInMs?: number; abortSignal?: AbortSignal } = {},
): Promise<string | undefined> {
  const compute = await computeClient(session);
  const updated = ref.kind === 'disk'
    ? await compute.disks.update(ref.resourceGroup, ref.name, { dataAccessAuthMode: mode }, options).pollUntilDone()
    : await compute.snapshots.update(ref.resourceGroup, ref.name, { dataAccessAuthMode: mode }, options).pollUntilDone();
  return updated.dataAccessAuthMode;
}
