// Microsoft.Compute/virtualMachines/extensions (@azure/arm-compute 25.1.1, api-version 2026-04-01): list, get,
// create or update (201 + Azure-AsyncOperation, then the extension's provisioning decides the outcome), delete
// (202, LRO). Extensions live in the VM model's `resources`, as GET VM returns them. AzureDiskEncryptionForLinux is
// played by adeSimulator.ts; any other extension simply provisions.
import type { StoredResource } from '../../state/LocalAzureState.ts';
import { ArmError, invalidRequestContent, missingParameter, operationNotAllowed } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../route.ts';
import {
  failAdeOperation, isAdeExtension, markAdeTransitioning, rejectAdeSettings, removeAdeExtension, startAdeOperation,
} from '../adeSimulator.ts';
import { requireResource, snapshotOf } from './lookup.ts';

const VM_TYPE = 'Microsoft.Compute/virtualMachines';
const TYPE = 'Microsoft.Compute/virtualMachines/extensions';
const VM = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}';
const common = { apiVersions: apiVersions.computeVirtualMachines, resourceType: TYPE } as const;

type ExtensionJson = { id: string; name: string; type: string; location?: string; tags?: Record<string, string>; properties: Record<string, any> };

function extensionsOf(vm: StoredResource): ExtensionJson[] {
  return ((vm.resource.resources ??= []) as ExtensionJson[]);
}

function findExtension(vm: StoredResource, name: string): ExtensionJson | undefined {
  return extensionsOf(vm).find((e) => e.name.toLowerCase() === name.toLowerCase());
}

function requireExtension(ctx: RouteContext, vm: StoredResource): ExtensionJson {
  const ext = findExtension(vm, ctx.params.vmExtensionName);
  if (!ext) {
    throw new ArmError(404, 'NotFound', `The entity was not found in this Azure location.`, { target: ctx.params.vmExtensionName });
  }
  return ext;
}

/** `$expand=instanceView` adds the extension's instance view, as Compute does. */
function extensionJson(ctx: RouteContext, vm: StoredResource, ext: ExtensionJson): ExtensionJson {
  const json = snapshotOf(ext);
  if (ctx.query.get('$expand') === 'instanceView') {
    const views = (vm.instanceView?.extensions as Array<{ name?: string }> | undefined) ?? [];
    const view = views.find((v) => v.name?.toLowerCase() === ext.name.toLowerCase());
    if (view) json.properties = { ...json.properties, instanceView: snapshotOf(view) };
  }
  return json;
}

interface ExtensionBody {
  location?: string;
  tags?: Record<string, string>;
  properties?: { publisher?: string; type?: string; typeHandlerVersion?: string; settings?: Record<string, unknown>; protectedSettings?: unknown; [key: string]: unknown };
}

function createOrUpdate(ctx: RouteContext): RouteResult {
  const vm = requireResource(ctx, 'virtualMachines', VM_TYPE, 'vmName');
  const body = ctx.body as ExtensionBody | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidRequestContent('The extension body must be a JSON object.');
  if (!body.location) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  const props = body.properties ?? {};
  if (!props.publisher) throw missingParameter('properties.publisher');
  if (!props.type) throw missingParameter('properties.type');
  if (!props.typeHandlerVersion) throw missingParameter('properties.typeHandlerVersion');
  if ((vm.powerState ?? 'running') !== 'running') {
    throw operationNotAllowed(`Cannot modify extensions in the VM when the VM is not running.`);
  }
  const existing = findExtension(vm, ctx.params.vmExtensionName);
  // Settings are kept in the model; protected settings never come back on GET.
  const { protectedSettings: _secret, ...kept } = props;
  const ext: ExtensionJson = {
    id: `${vm.resource.id}/extensions/${ctx.params.vmExtensionName}`,
    name: ctx.params.vmExtensionName,
    type: TYPE,
    location: body.location,
    ...(body.tags ? { tags: body.tags } : {}),
    properties: { autoUpgradeMinorVersion: true, ...kept, provisioningState: existing ? 'Updating' : 'Creating' },
  };
  const unchanged = existing && JSON.stringify(existing.properties.settings ?? {}) === JSON.stringify(ext.properties.settings ?? {});
  if (existing) Object.assign(existing, ext);
  else extensionsOf(vm).push(ext);
  const stored = existing ?? ext;
  const ade = isAdeExtension(props);
  if (ade && !unchanged) markAdeTransitioning(ctx.env, vm);

  const answer = ctx.env.operations.start({
    subscriptionId: ctx.params.subscriptionId,
    location: vm.resource.location ?? 'eastus',
    kind: 'operations',
    apiVersion: ctx.apiVersion,
    override: ctx.operationOverride,
    acceptedBody: snapshotOf(stored),
    complete: () => {
      // The same settings (same SequenceVersion) are the same configuration: the extension does nothing new.
      if (ade && !unchanged) {
        const settings = (props.settings ?? {}) as Record<string, unknown>;
        const rejection = rejectAdeSettings(ctx.env.state, vm, settings);
        if (rejection) {
          stored.properties.provisioningState = 'Failed';
          failAdeOperation(ctx.env, vm, rejection);
          throw new ArmError(
            400,
            'VMExtensionProvisioningError',
            `VM has reported a failure when processing extension '${stored.name}' (publisher '${props.publisher}' and type '${props.type}'). ` +
              `Error message: "${rejection}". More information on troubleshooting is available at https://aka.ms/vmextensionlinuxtroubleshoot`,
          );
        }
        startAdeOperation(ctx.env, vm, settings);
      }
      stored.properties.provisioningState = 'Succeeded';
      return snapshotOf(stored);
    },
    abandon: () => { stored.properties.provisioningState = 'Failed'; },
  });
  // Compute answers a new extension with 201 Created, an update with 200; both carry the async operation.
  return { ...answer, status: existing ? 200 : 201 };
}

function remove(ctx: RouteContext): RouteResult {
  const vm = requireResource(ctx, 'virtualMachines', VM_TYPE, 'vmName');
  const ext = findExtension(vm, ctx.params.vmExtensionName);
  if (!ext) return { status: 204 };
  ext.properties.provisioningState = 'Deleting';
  return ctx.env.operations.start({
    subscriptionId: ctx.params.subscriptionId,
    location: vm.resource.location ?? 'eastus',
    kind: 'operations',
    apiVersion: ctx.apiVersion,
    override: ctx.operationOverride,
    complete: () => {
      vm.resource.resources = extensionsOf(vm).filter((e) => e !== ext);
      if (isAdeExtension(ext.properties)) removeAdeExtension(vm);
      return undefined;
    },
    abandon: () => { ext.properties.provisioningState = 'Succeeded'; },
  });
}

export const vmExtensionRoutes: Route[] = [
  {
    name: 'virtualMachineExtensions.list',
    method: 'GET',
    template: `${VM}/extensions`,
    ...common,
    handler: (ctx) => {
      const vm = requireResource(ctx, 'virtualMachines', VM_TYPE, 'vmName');
      return ok({ value: extensionsOf(vm).map((e) => extensionJson(ctx, vm, e)) });
    },
  },
  {
    name: 'virtualMachineExtensions.get',
    method: 'GET',
    template: `${VM}/extensions/{vmExtensionName}`,
    ...common,
    handler: (ctx) => {
      const vm = requireResource(ctx, 'virtualMachines', VM_TYPE, 'vmName');
      return ok(extensionJson(ctx, vm, requireExtension(ctx, vm)));
    },
  },
  { name: 'virtualMachineExtensions.createOrUpdate', method: 'PUT', template: `${VM}/extensions/{vmExtensionName}`, ...common, handler: createOrUpdate },
  { name: 'virtualMachineExtensions.delete', method: 'DELETE', template: `${VM}/extensions/{vmExtensionName}`, ...common, handler: remove },
];
