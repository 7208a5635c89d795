// Azure Backup for VMs (@azure/arm-recoveryservicesbackup 12.0.0, api-version 2023-06-01), as the REST guide "Back up
// an Azure VM using Azure Backup via REST API" runs it: backupPolicies, refreshContainers (202 + Location to
// backupFabrics/Azure/operationResults/{id}: 202 while running, 204 when done), backupProtectableItems, protected
// items PUT (202 + Azure-AsyncOperation to .../operationsStatus/{id}) and GET, backupProtectedItems, and the
// per-VM backupStatus the portal's VM blade asks.
import { parseArmId } from '../../state/LocalAzureState.ts';
import { recoveryServicesBackupStateOf } from '../../state/RecoveryServicesBackupState.ts';
import { apiVersions } from '../apiVersions.ts';
import { ArmError, invalidParameter, missingParameter } from '../armError.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route, type RouteContext } from '../route.ts';
import { snapshotOf } from './lookup.ts';
import { backupContext, filterAllowsIaasVm, ITEM_PATH, retryAfter, sameLocation, VAULT_PATH, vaultUrl } from './backupSupport.ts';

const common = { apiVersions: apiVersions.recoveryServicesBackup, resourceType: 'Microsoft.RecoveryServices/vaults' } as const;

function itemKeyOf(vmId: string): string {
  const { resourceGroup, name } = parseArmId(vmId)!;
  return `iaasvmcontainerv2;${resourceGroup};${name}`;
}

function protectedItemNotFound(name: string): ArmError {
  return new ArmError(404, 'BMSUserErrorObjectNotFound', `The protected item '${name}' was not found in the vault.`);
}

function requireItem(ctx: RouteContext) {
  const { vault, backup } = backupContext(ctx);
  const id = `${vault.id}/backupFabrics/${ctx.params.fabricName}/protectionContainers/${ctx.params.containerName}/protectedItems/${ctx.params.protectedItemName}`;
  const item = backup.protectedItems.get(id.toLowerCase());
  if (!item) throw protectedItemNotFound(ctx.params.protectedItemName);
  return { vault, backup, item };
}

export const backupProtectionRoutes: Route[] = [
  {
    name: 'backupPolicies.list',
    method: 'GET',
    template: `${VAULT_PATH}/backupPolicies`,
    ...common,
    handler: (ctx) => {
      const { vault, backup } = backupContext(ctx);
      const policies = filterAllowsIaasVm(ctx) ? backup.policiesOf(vault.id) : [];
      const counted = policies.map((p) => {
        const count = [...backup.protectedItems.values()].filter((i) => String(i.properties?.policyId).toLowerCase() === p.id.toLowerCase()).length;
        return { ...snapshotOf(p), properties: { ...p.properties, protectedItemsCount: count } };
      });
      return ok(pageOf(ctx, counted));
    },
  },
  {
    name: 'protectionContainers.refresh',
    method: 'POST',
    template: `${VAULT_PATH}/backupFabrics/{fabricName}/refreshContainers`,
    ...common,
    handler: (ctx) => {
      const { vault, backup } = backupContext(ctx);
      if (ctx.params.fabricName.toLowerCase() !== 'azure') throw invalidParameter('fabricName');
      // Discovery sees the subscription's VMs in the vault's region, once the operation has run.
      const op = backup.startOperation(ctx.env.settings.lroDurationMs, () => {
        const vms = ctx.env.state.list('virtualMachines', ctx.params.subscriptionId).filter((r) => sameLocation(r.resource.location, vault.location));
        backup.discovered.set(vault.id.toLowerCase(), new Set(vms.map((r) => r.resource.id.toLowerCase())));
        return undefined;
      });
      return { status: 202, headers: { Location: vaultUrl(ctx, vault, `/backupFabrics/Azure/operationResults/${op.id}`), ...retryAfter(ctx) } };
    },
  },
  {
    name: 'protectionContainerRefreshOperationResults.get',
    method: 'GET',
    template: `${VAULT_PATH}/backupFabrics/{fabricName}/operationResults/{operationId}`,
    ...common,
    handler: (ctx) => {
      const { vault, backup } = backupContext(ctx);
      const op = backup.operations.get(ctx.params.operationId.toLowerCase());
      if (!op) throw new ArmError(404, 'NotFound', `The operation '${ctx.params.operationId}' was not found.`);
      if (op.status === 'InProgress') return { status: 202, headers: { Location: vaultUrl(ctx, vault, `/backupFabrics/Azure/operationResults/${op.id}`), ...retryAfter(ctx) } };
      if (op.status === 'Failed') throw new ArmError(400, op.error!.code, op.error!.message);
      return { status: 204 };
    },
  },
  {
    name: 'backupProtectableItems.list',
    method: 'GET',
    template: `${VAULT_PATH}/backupProtectableItems`,
    ...common,
    handler: (ctx) => {
      const { vault, backup } = backupContext(ctx);
      const discovered = filterAllowsIaasVm(ctx) ? [...(backup.discovered.get(vault.id.toLowerCase()) ?? [])] : [];
      const items = discovered
        .map((id) => ctx.env.state.get('virtualMachines', id)?.resource)
        .filter((vm) => vm !== undefined && !backup.protectedItemOfVm(vm.id))
        .map((vm) => {
          const key = itemKeyOf(vm!.id);
          return {
            id: `${vault.id}/backupFabrics/Azure/protectionContainers/IaasVMContainer;${key}/protectableItems/vm;${key}`,
            name: key,
            type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectableItems',
            properties: {
              virtualMachineId: vm!.id, virtualMachineVersion: 'Compute', resourceGroup: parseArmId(vm!.id)!.resourceGroup,
              backupManagementType: 'AzureIaasVM', protectableItemType: 'Microsoft.Compute/virtualMachines', friendlyName: vm!.name, protectionState: 'NotProtected',
            },
          };
        });
      return ok(pageOf(ctx, items));
    },
  },
  {
    name: 'protectedItems.createOrUpdate',
    method: 'PUT',
    template: ITEM_PATH,
    ...common,
    handler: (ctx) => {
      const { vault, backup } = backupContext(ctx);
      const props = (ctx.body as { properties?: { protectedItemType?: string; sourceResourceId?: string; policyId?: string } } | undefined)?.properties;
      if (!props) throw missingParameter('properties');
      if (props.protectedItemType !== 'Microsoft.Compute/virtualMachines') throw invalidParameter('properties.protectedItemType');
      if (!props.sourceResourceId) throw missingParameter('properties.sourceResourceId');
      const vm = ctx.env.state.get('virtualMachines', props.sourceResourceId)?.resource;
      if (!vm) throw new ArmError(400, 'BMSUserErrorInvalidSourceResourceId', `The virtual machine '${props.sourceResourceId}' was not found.`);
      const key = itemKeyOf(vm.id).toLowerCase();
      if (ctx.params.containerName.toLowerCase() !== `iaasvmcontainer;${key}` || ctx.params.protectedItemName.toLowerCase() !== `vm;${key}`) {
        throw new ArmError(400, 'BMSUserErrorContainerObjectNotFound', `Container '${ctx.params.containerName}' or item '${ctx.params.protectedItemName}' does not name virtual machine '${vm.name}'.`);
      }
      if (!sameLocation(vm.location, vault.location)) {
        throw new ArmError(400, 'UserErrorVmNotInVaultRegion', `Virtual machine '${vm.name}' is in '${vm.location}' but vault '${vault.name}' is in '${vault.location}'. A VM can be protected only by a vault in its own region.`);
      }
      const policy = backup.policiesOf(vault.id).find((p) => p.id.toLowerCase() === String(props.policyId ?? '').toLowerCase());
      if (!policy) throw new ArmError(400, 'BMSUserErrorPolicyNotFound', `The policy '${props.policyId ?? ''}' was not found in vault '${vault.name}'.`);
      const elsewhere = backup.protectedItemOfVm(vm.id);
      if (elsewhere && !elsewhere.id.toLowerCase().startsWith(vault.id.toLowerCase() + '/')) {
        throw new ArmError(400, 'UserErrorVmAlreadyProtected', `Virtual machine '${vm.name}' is already protected by another Recovery Services vault.`);
      }
      const op = backup.startOperation(ctx.env.settings.lroDurationMs, () => {
        const item = backup.putProtectedItem(vault.id, vm, policy.id);
        const job = backup.startJob({ vaultId: vault.id, vmId: vm.id, vmName: vm.name, operation: 'ConfigureBackup', durationMs: 0, outcome: { status: 'Completed' }, itemId: item.id });
        return job.id;
      });
      const status = vaultUrl(ctx, vault, `/backupFabrics/Azure/protectionContainers/${encodeURIComponent(ctx.params.containerName)}/protectedItems/${encodeURIComponent(ctx.params.protectedItemName)}/operationsStatus/${op.id}`);
      return { status: 202, headers: { 'Azure-AsyncOperation': status, Location: status.replace('/operationsStatus/', '/operationResults/'), ...retryAfter(ctx) } };
    },
  },
  {
    name: 'protectedItems.get',
    method: 'GET',
    template: ITEM_PATH,
    ...common,
    handler: (ctx) => ok(snapshotOf(requireItem(ctx).item)),
  },
  {
    name: 'protectedItemOperationStatuses.get',
    method: 'GET',
    template: `${ITEM_PATH}/operationsStatus/{operationId}`,
    ...common,
    handler: (ctx) => {
      const { backup } = backupContext(ctx);
      const op = backup.operations.get(ctx.params.operationId.toLowerCase());
      if (!op) throw new ArmError(404, 'NotFound', `The operation '${ctx.params.operationId}' was not found.`);
      const body: Record<string, unknown> = { id: op.id, name: op.id, status: op.status, startTime: new Date(op.startMs).toISOString() };
      if (op.endTime) body.endTime = op.endTime;
      if (op.error) body.error = op.error;
      if (op.jobId) body.properties = { objectType: 'OperationStatusJobExtendedInfo', jobId: op.jobId };
      return ok(body, op.status === 'InProgress' ? retryAfter(ctx) : undefined);
    },
  },
  {
    name: 'backupProtectedItems.list',
    method: 'GET',
    template: `${VAULT_PATH}/backupProtectedItems`,
    ...common,
    handler: (ctx) => {
      const { vault, backup } = backupContext(ctx);
      const prefix = vault.id.toLowerCase() + '/';
      const items = filterAllowsIaasVm(ctx) ? [...backup.protectedItems.values()].filter((i) => i.id.toLowerCase().startsWith(prefix)) : [];
      return ok(pageOf(ctx, items.map((i) => snapshotOf(i))));
    },
  },
  {
    name: 'backupStatus.get',
    method: 'POST',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/locations/{azureRegion}/backupStatus',
    ...common,
    handler: (ctx) => {
      const body = (ctx.body ?? {}) as { resourceType?: string; resourceId?: string };
      if (!body.resourceId) throw missingParameter('resourceId');
      const backup = recoveryServicesBackupStateOf(ctx.env.state);
      backup.settle();
      const item = backup.protectedItemOfVm(body.resourceId);
      if (!item) return ok({ protectionStatus: 'NotProtected', fabricName: 'Invalid', protectedItemsCount: 0 });
      const vaultId = item.id.slice(0, item.id.toLowerCase().indexOf('/backupfabrics/'));
      return ok({
        protectionStatus: 'Protected',
        vaultId,
        fabricName: 'Azure',
        containerName: /\/protectionContainers\/([^/]+)\//i.exec(item.id)![1],
        protectedItemName: item.name,
        policyName: item.properties?.policyName,
        registrationStatus: 'Registered',
      });
    },
  },
];
