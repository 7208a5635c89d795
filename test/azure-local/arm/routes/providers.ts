// Microsoft.Resources: resource provider registration (@azure/arm-resources 6.1.0, api-version 2025-03-01).
// The extension checks `registrationState` (Image Builder needs Microsoft.VirtualMachineImages registered).
import { ArmError } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { ok, type Route } from '../route.ts';

const providerTypes: Record<string, string[]> = {
  'Microsoft.Compute': ['virtualMachines', 'virtualMachines/extensions', 'disks', 'snapshots', 'locations/operations', 'locations/DiskOperations'],
  'Microsoft.KeyVault': ['vaults', 'vaults/secrets', 'vaults/accessPolicies', 'deletedVaults'],
  'Microsoft.VirtualMachineImages': ['imageTemplates', 'imageTemplates/runOutputs', 'locations/operations'],
  'Microsoft.Storage': ['storageAccounts'],
  'Microsoft.Network': ['virtualNetworks', 'networkInterfaces', 'publicIPAddresses'],
  'Microsoft.RecoveryServices': ['vaults'],
  'Microsoft.Authorization': ['roleAssignments', 'roleDefinitions'],
};

export const providerRoutes: Route[] = [
  {
    name: 'providers.get',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}',
    apiVersions: apiVersions.resources,
    handler: (ctx) => {
      const namespace = Object.keys(providerTypes).find((n) => n.toLowerCase() === ctx.params.resourceProviderNamespace.toLowerCase());
      if (!namespace) {
        throw new ArmError(404, 'InvalidResourceNamespace', `The resource namespace '${ctx.params.resourceProviderNamespace}' is invalid.`);
      }
      const subscription = ctx.env.state.subscription(ctx.params.subscriptionId)!;
      const locations = ['Japan East', 'Japan West', 'East US', 'West Europe'];
      return ok({
        id: `/subscriptions/${subscription.subscriptionId}/providers/${namespace}`,
        namespace,
        registrationState: subscription.providerRegistration?.[namespace] ?? 'Registered',
        registrationPolicy: 'RegistrationRequired',
        resourceTypes: providerTypes[namespace].map((resourceType) => ({ resourceType, locations, apiVersions: [] })),
      });
    },
  },
];
