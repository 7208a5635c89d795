// Every route the stand-in serves. A new ARM operation = a new entry in one of these files (or a new file here).
import type { Route } from '../route.ts';
import { permissionRoutes } from './permissions.ts';
import { storageAccountRoutes } from './storageAccounts.ts';
import { stagingSupportRoutes } from '../../imageBuilder/stagingSupportRoutes.ts';
import { backupJobRoutes } from './backupJobs.ts';
import { backupProtectionRoutes } from './backupProtection.ts';
import { diskRoutes } from './disks.ts';
import { recoveryServicesVaultRoutes } from './recoveryServicesVaults.ts';
import { graphRoutes } from './graph.ts';
import { imageTemplateRoutes } from './imageTemplates.ts';
import { operationRoutes } from './operations.ts';
import { policyRoutes } from './policies.ts';
import { providerRoutes } from './providers.ts';
import { roleAssignmentRoutes } from './roleAssignments.ts';
import { roleDefinitionRoutes } from './roleDefinitions.ts';
import { resourceGroupRoutes } from './resourceGroups.ts';
import { resourceSkuRoutes } from './resourceSkus.ts';
import { snapshotRoutes } from './snapshots.ts';
import { subscriptionRoutes } from './subscriptions.ts';
import { vaultAccessPolicyRoutes } from './vaultAccessPolicies.ts';
import { vaultRoutes } from './vaults.ts';
import { virtualMachineRoutes } from './virtualMachines.ts';
import { vmExtensionRoutes } from './vmExtensions.ts';

export const allRoutes: readonly Route[] = [
  ...subscriptionRoutes,
  ...resourceGroupRoutes,
  ...providerRoutes,
  ...virtualMachineRoutes,
  ...vmExtensionRoutes,
  ...resourceSkuRoutes,
  ...diskRoutes,
  ...snapshotRoutes,
  ...vaultRoutes,
  ...vaultAccessPolicyRoutes,
  ...roleAssignmentRoutes,
  ...roleDefinitionRoutes,
  ...policyRoutes,
  ...graphRoutes,
  ...imageTemplateRoutes,
  ...recoveryServicesVaultRoutes,
  ...backupProtectionRoutes,
  ...backupJobRoutes,
  ...storageAccountRoutes(stagingSupportRoutes),
  ...stagingSupportRoutes,
  ...permissionRoutes,
  ...operationRoutes,
];
