// Storage accounts of the local Azure (for "export a disk to a storage account"). Kept beside the state, per state
// object, like the backup state: the first subscription's first resource group holds the Azurite account (the
// only one whose blobs are real) and a BlobStorage account that cannot hold page blobs (for the refusal).
import type { LocalAzureState } from './LocalAzureState.ts';
import type { ArmResource } from './model.ts';

const accounts = new WeakMap<LocalAzureState, ArmResource[]>();

export function storageAccountsOf(state: LocalAzureState, azuriteAccountName: string): ArmResource[] {
  let list = accounts.get(state);
  if (!list) {
    list = seed(state, azuriteAccountName);
    accounts.set(state, list);
  }
  return list;
}

function seed(state: LocalAzureState, azuriteAccountName: string): ArmResource[] {
  const subscription = state.subscriptions[0];
  if (!subscription) return [];
  const group = state.list('resourceGroups', subscription.subscriptionId)[0]?.resource;
  if (!group) return [];
  const location = group.location ?? 'eastus';
  const account = (name: string, kind: string, sku: string, extra: Record<string, unknown> = {}): ArmResource => ({
    id: `${group.id}/providers/Microsoft.Storage/storageAccounts/${name}`,
    name,
    type: 'Microsoft.Storage/storageAccounts',
    location,
    kind,
    sku: { name: sku, tier: sku.startsWith('Premium') ? 'Premium' : 'Standard' },
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      creationTime: '2024-04-01T02:13:45.1234567Z',
      primaryLocation: location,
      statusOfPrimary: 'available',
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      accessTier: 'Hot',
      isHnsEnabled: false,
      ...extra,
    },
  });
  return [
    account(azuriteAccountName, 'StorageV2', 'Standard_LRS'),
    account('stcontosologsblob', 'BlobStorage', 'Standard_RAGRS'),
  ];
}
