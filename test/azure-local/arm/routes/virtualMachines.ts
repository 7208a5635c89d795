// Microsoft.Compute/virtualMachines (@azure/arm-compute 25.1.1, api-version 2026-04-01): listings (with
// statusOnly), get (with $expand=instanceView), instanceView, and the power operations as long-running
// operations that move the VM (and its disks) through starting/stopping/deallocating.
import type { StoredResource } from '../../state/LocalAzureState.ts';
import { activeSasStates, type PowerState } from '../../state/model.ts';
import { invalidParameter, operationNotAllowed } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../route.ts';
import { requireResource, snapshotOf } from './lookup.ts';
import { onVmRestarted } from '../adeSimulator.ts';
import { buildInstanceView } from './vmInstanceView.ts';
import { attachedDiskIds, setVmPowerState } from './vmPower.ts';

const TYPE = 'Microsoft.Compute/virtualMachines';
const VM = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}';
const common = { apiVersions: apiVersions.computeVirtualMachines, resourceType: TYPE } as const;

function vmJson(ctx: RouteContext, vm: StoredResource): Record<string, any> {
  const json = snapshotOf(vm.resource);
  const expand = ctx.query.get('$expand');
  if (expand && !['instanceView', 'userData', 'resiliencyView'].includes(expand)) {
    throw invalidParameter('$expand', `The value '${expand}' of parameter '$expand' is not allowed. Allowed values are 'instanceView, userData, resiliencyView'.`);
  }
  if (expand === 'instanceView') json.properties = { ...json.properties, instanceView: buildInstanceView(vm) };
  return json;
}

/** statusOnly=true: the run-time status of each VM, not its model. */
function statusOnlyJson(vm: StoredResource) {
  const { id, name, type, location } = vm.resource;
  return { id, name, type, location, properties: { vmId: vm.resource.properties?.vmId, instanceView: buildInstanceView(vm) } };
}

function listed(ctx: RouteContext, vms: StoredResource[]): RouteResult {
  const statusOnly = ctx.query.get('statusOnly');
  if (statusOnly !== null && !['true', 'false'].includes(statusOnly.toLowerCase())) throw invalidParameter('statusOnly');
  return ok(pageOf(ctx, vms.map((vm) => (statusOnly?.toLowerCase() === 'true' ? statusOnlyJson(vm) : vmJson(ctx, vm)))));
}

function powerOperation(verb: string, transitional: PowerState, final: PowerState, afterwards?: (env: RouteContext['env'], vm: StoredResource) => void): Route['handler'] {
  return (ctx) => {
    const vm = requireResource(ctx, 'virtualMachines', TYPE, 'vmName');
    if (final === 'running') {
      // Compute refuses to start a VM while one of its disks is exported.
      for (const id of attachedDiskIds(vm)) {
        const disk = ctx.env.state.get('disks', id);
        if (disk && activeSasStates.has(disk.resource.properties?.diskState)) {
          throw operationNotAllowed(`Operation '${verb}' is not allowed on VM '${vm.resource.name}' since its disk '${disk.resource.name}' has an active SAS (diskState ${disk.resource.properties?.diskState}). Revoke access to the disk and retry.`);
        }
      }
    }
    const before = vm.powerState ?? 'running';
    setVmPowerState(ctx.env.state, vm, transitional);
    return ctx.env.operations.start({
      subscriptionId: ctx.params.subscriptionId,
      location: vm.resource.location ?? 'eastus',
      kind: 'operations',
      apiVersion: ctx.apiVersion,
      override: ctx.operationOverride,
      complete: () => {
        setVmPowerState(ctx.env.state, vm, final);
        afterwards?.(ctx.env, vm);
      },
      abandon: () => setVmPowerState(ctx.env.state, vm, before),
    });
  };
}

export const virtualMachineRoutes: Route[] = [
  {
    name: 'virtualMachines.listAll',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines',
    ...common,
    handler: (ctx) => listed(ctx, ctx.env.state.list('virtualMachines', ctx.params.subscriptionId)),
  },
  {
    name: 'virtualMachines.list',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines',
    ...common,
    handler: (ctx) => listed(ctx, ctx.env.state.list('virtualMachines', ctx.params.subscriptionId, ctx.params.resourceGroupName)),
  },
  {
    name: 'virtualMachines.get',
    method: 'GET',
    template: VM,
    ...common,
    handler: (ctx) => ok(vmJson(ctx, requireResource(ctx, 'virtualMachines', TYPE, 'vmName'))),
  },
  {
    name: 'virtualMachines.instanceView',
    method: 'GET',
    template: `${VM}/instanceView`,
    ...common,
    handler: (ctx) => ok(buildInstanceView(requireResource(ctx, 'virtualMachines', TYPE, 'vmName'))),
  },
  { name: 'virtualMachines.start', method: 'POST', template: `${VM}/start`, ...common, handler: powerOperation('Start', 'starting', 'running') },
  { name: 'virtualMachines.powerOff', method: 'POST', template: `${VM}/powerOff`, ...common, handler: powerOperation('PowerOff', 'stopping', 'stopped') },
  { name: 'virtualMachines.deallocate', method: 'POST', template: `${VM}/deallocate`, ...common, handler: powerOperation('Deallocate', 'deallocating', 'deallocated') },
  { name: 'virtualMachines.restart', method: 'POST', template: `${VM}/restart`, ...common, handler: powerOperation('Restart', 'starting', 'running', onVmRestarted) },
];
