// Puts the https OAuth front (BlobOAuthProxy.ts) before Azurite for a running local Azure: the Image Builder staging
// storage accounts get their blob endpoint on it, so the account key (listKeys) and the user's Entra ID token reach
// customization.log through the same https endpoint, as in Azure. Tokens are checked against the stand-in's role
// assignments; the server certificate is the ARM stand-in's, from the CA the clients already trust.
import { principalMayPerformDataAction } from '../arm/effectivePermissions.ts';
import { buildSimulatorFor } from '../imageBuilder/BuildSimulator.ts';
import { parseArmId, type LocalAzureState } from '../state/LocalAzureState.ts';
import { createBlobOAuthProxy, type BlobOAuthProxy } from './BlobOAuthProxy.ts';
import type { DiskBlobStore } from './DiskBlobStore.ts';

export function attachBlobOAuthProxy(state: LocalAzureState, blobs: DiskBlobStore, tls: { certPem: string; keyPem: string }): BlobOAuthProxy {
  const proxy = createBlobOAuthProxy({
    azurite: blobs.account,
    tls,
    accounts: {
      tenantOf: (accountId) => state.subscription(parseArmId(accountId)?.subscriptionId ?? '')?.tenantId,
      mayPerform: (principalId, accountId, action) => principalMayPerformDataAction(state, principalId, accountId, action),
    },
  });
  buildSimulatorFor(state).stagingBlobEndpoint = (accountId) => proxy.endpointFor(accountId);
  return proxy;
}
