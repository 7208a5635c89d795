// Puts the Entra-ID disk proxy in front of Azurite for a running local Azure: disks and snapshots whose
// dataAccessAuthMode is AzureActiveDirectory (at grant time) get SAS URLs on the proxy.
import { principalMayPerformDataAction } from '../arm/effectivePermissions.ts';
import type { LocalAzureState } from '../state/LocalAzureState.ts';
import type { DiskBlobStore } from './DiskBlobStore.ts';
import { LOCAL_DISK_TOKEN_AUDIENCE, startEntraDiskProxy, type EntraDiskProxy } from './EntraDiskProxy.ts';

export async function attachEntraDiskProxy(state: LocalAzureState, blobs: DiskBlobStore): Promise<EntraDiskProxy & { audience: string }> {
  const proxy = await startEntraDiskProxy({
    blobEndpoint: blobs.account.blobEndpoint,
    audience: LOCAL_DISK_TOKEN_AUDIENCE,
    lookup: {
      find(containerName) {
        for (const kind of ['disks', 'snapshots'] as const) {
          for (const { resource } of state.all(kind)) {
            if (blobs.containerName(resource.id) !== containerName) continue;
            if (String(resource.properties?.dataAccessAuthMode).toLowerCase() !== 'azureactivedirectory') return undefined;
            return { resourceId: resource.id, downloadAction: `Microsoft.Compute/${kind}/download/action` };
          }
        }
        return undefined;
      },
      mayPerform: (principalId, resourceId, action) => principalMayPerformDataAction(state, principalId, resourceId, action),
    },
  });
  blobs.entraDiskEndpoint = proxy.endpoint;
  return { ...proxy, audience: LOCAL_DISK_TOKEN_AUDIENCE };
}
