// Which disks and snapshots have a live download link (diskState ActiveSAS / ActiveSASFrozen), across the
// subscriptions the user selected: what "Revoke Disk Access…" offers to revoke.
import type { DiskLikeModel, ExportKind } from './exportTarget.ts';
import { hasActiveSas } from './decideActiveSas.ts';

export interface ActiveSasResource<S> {
  readonly session: S;
  readonly kind: ExportKind;
  readonly resource: DiskLikeModel & { readonly id: string };
}

export interface SubscriptionListing<S> {
  readonly session: S;
  readonly disks: readonly DiskLikeModel[];
  readonly snapshots: readonly DiskLikeModel[];
}

export function findActiveSasResources<S>(listings: ReadonlyArray<SubscriptionListing<S>>): Array<ActiveSasResource<S>> {
  const found: Array<ActiveSasResource<S>> = [];
  for (const { session, disks, snapshots } of listings) {
    for (const [kind, list] of [['disk', disks], ['snapshot', snapshots]] as const) {
      for (const resource of list) {
        if (typeof resource.id === 'string' && hasActiveSas(resource.diskState)) found.push({ session, kind, resource: resource as DiskLikeModel & { id: string } });
      }
    }
  }
  return found.sort((a, b) => (a.resource.name ?? '').localeCompare(b.resource.name ?? ''));
}
