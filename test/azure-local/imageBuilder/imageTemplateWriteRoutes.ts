// Microsoft.VirtualMachineImages/imageTemplates writes (api-version 2025-10-01), shaped on the REST spec examples
// (CreateImageTemplateLinux.json, RunImageTemplate.json, CancelImageBuild.json, DeleteImageTemplate.json,
// UpdateImageTemplateTags.json, ListRunOutputs.json, GetRunOutput.json). Creating, deleting, running and cancelling
// are long-running operations through Azure-AsyncOperation; a template is immutable once created: a PUT with other
// properties is refused as the service refuses it, only tags and identity change (PATCH).
import { createHash } from 'node:crypto';
import { apiVersions } from '../arm/apiVersions.ts';
import { ArmError, invalidParameter, resourceNotFound } from '../arm/armError.ts';
import { pageOf } from '../arm/paging.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../arm/route.ts';
import { requireResource, snapshotOf } from '../arm/routes/lookup.ts';
import { armId } from '../state/LocalAzureState.ts';
import type { ArmResource } from '../state/model.ts';
import { buildSimulatorFor, type SimulatedOperation } from './BuildSimulator.ts';
import { sameTemplate } from './comparableTemplate.ts';

const TYPE = 'Microsoft.VirtualMachineImages/imageTemplates';
const BASE = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.VirtualMachineImages/imageTemplates/{imageTemplateName}';
const common = { apiVersions: apiVersions.imageBuilder, resourceType: TYPE } as const;
const ACTIVE_RUN = new Set(['Running', 'Canceling']);

const simulator = (ctx: RouteContext) => buildSimulatorFor(ctx.env.state).attach(ctx.env);
const template = (ctx: RouteContext) => requireResource(ctx, 'imageTemplates', TYPE, 'imageTemplateName');

function accepted(ctx: RouteContext, location: string, op: SimulatedOperation, status = 202, body?: unknown): RouteResult {
  const url = simulator(ctx).statusUrl(ctx.params.subscriptionId, (location ?? 'global').replace(/\s/g, '').toLowerCase(), op);
  return { status, body, headers: { 'Azure-AsyncOperation': url, ...(status === 202 ? { Location: url } : {}), 'Retry-After': String(ctx.env.settings.retryAfterSeconds) } };
}

async function createTemplate(ctx: RouteContext): Promise<RouteResult> {
  const body = (ctx.body ?? {}) as Partial<ArmResource> & { identity?: Record<string, any> };
  if (typeof body.location !== 'string' || !body.location) throw invalidParameter('location', "Required parameter 'location' is missing (null).");
  if (!body.properties?.source) throw invalidParameter('properties.source', "Required parameter 'properties.source' is missing (null).");
  if (!Array.isArray(body.properties?.distribute) || body.properties.distribute.length === 0) {
    throw invalidParameter('properties.distribute', 'At least one distribution target must be specified in properties.distribute.');
  }
  const { subscriptionId, resourceGroupName, imageTemplateName } = ctx.params;
  const id = armId(subscriptionId, resourceGroupName, TYPE, imageTemplateName);
  const existing = ctx.env.state.get('imageTemplates', id);
  if (existing) {
    if (sameTemplate(existing.resource, body as ArmResource)) return ok(snapshotOf(existing.resource));
    throw new ArmError(409, 'InvalidPropertyUpdate',
      'Update/Upgrade of image templates is currently not supported. Please change the name of the template you are submitting.');
  }
  const resource: ArmResource = {
    id, name: imageTemplateName, type: TYPE, location: body.location,
    ...(body.tags ? { tags: body.tags } : {}),
    identity: withPrincipals(body.identity),
    properties: { ...structuredClone(body.properties), provisioningState: 'Creating' },
  };
  const sim = simulator(ctx);
  resource.properties!.exactStagingResourceGroup = await sim.provisionStaging(resource);
  const record = ctx.env.state.put('imageTemplates', { resource });
  const op = sim.startOperation();
  sim.later(ctx.env.settings.lroDurationMs, () => {
    record.resource.properties!.provisioningState = 'Succeeded';
    sim.finishOperation(op.id, 'Succeeded');
  });
  return accepted(ctx, body.location, op, 201, snapshotOf(resource));
}

/** A user-assigned identity as ARM returns it: its principal and client ids filled in. */
function withPrincipals(identity: Record<string, any> | undefined): Record<string, unknown> {
  if (!identity || identity.type === 'None') return { type: 'None' };
  const assigned: Record<string, unknown> = {};
  for (const key of Object.keys(identity.userAssignedIdentities ?? {})) {
    const h = createHash('sha256').update(key.toLowerCase()).digest('hex');
    assigned[key] = { principalId: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`, clientId: `${h.slice(32, 40)}-${h.slice(40, 44)}-4${h.slice(45, 48)}-b${h.slice(49, 52)}-${h.slice(52, 64)}` };
  }
  return { type: identity.type, userAssignedIdentities: assigned };
}

function updateTemplate(ctx: RouteContext): RouteResult {
  const record = template(ctx);
  const body = (ctx.body ?? {}) as { tags?: Record<string, string>; identity?: Record<string, any>; properties?: unknown };
  if (body.properties && Object.keys(body.properties as object).length > 0) {
    throw new ArmError(400, 'InvalidPropertyUpdate', 'Only tags, identity and vmProfile.vnetConfig can be updated on an image template.');
  }
  if (body.tags) record.resource.tags = body.tags;
  if (body.identity) record.resource.identity = withPrincipals(body.identity);
  return ok(snapshotOf(record.resource));
}

function deleteTemplate(ctx: RouteContext): RouteResult {
  const { subscriptionId, resourceGroupName, imageTemplateName } = ctx.params;
  const record = ctx.env.state.get('imageTemplates', armId(subscriptionId, resourceGroupName, TYPE, imageTemplateName));
  if (!record) return { status: 204 };
  const run = record.resource.properties?.lastRunStatus?.runState;
  if (ACTIVE_RUN.has(run) || simulator(ctx).isRunning(record.resource)) {
    throw new ArmError(409, 'Conflict', `The image template '${imageTemplateName}' has a build in progress (${run}). Cancel the build and wait until it is canceled before deleting the template.`);
  }
  record.resource.properties!.provisioningState = 'Deleting';
  const sim = simulator(ctx);
  const op = sim.startOperation();
  sim.later(ctx.env.settings.lroDurationMs, () => {
    sim.removeStaging(record.resource);
    ctx.env.state.delete('imageTemplates', record.resource.id);
    sim.finishOperation(op.id, 'Succeeded');
  });
  return accepted(ctx, String(record.resource.location), op);
}

function runTemplate(ctx: RouteContext): RouteResult {
  const record = template(ctx);
  const p = record.resource.properties ?? {};
  if (p.provisioningState !== 'Succeeded') {
    throw new ArmError(409, 'Conflict', `The image template '${record.resource.name}' cannot be run while its provisioning state is '${p.provisioningState}'.`);
  }
  if (ACTIVE_RUN.has(p.lastRunStatus?.runState)) {
    throw new ArmError(409, 'Conflict', `A build of the image template '${record.resource.name}' is already in progress.`);
  }
  return accepted(ctx, String(record.resource.location), simulator(ctx).startRun(record));
}

function cancelRun(ctx: RouteContext): RouteResult {
  const record = template(ctx);
  if (!simulator(ctx).isRunning(record.resource)) {
    throw new ArmError(409, 'Conflict', `The image template '${record.resource.name}' has no build in progress to cancel.`);
  }
  return accepted(ctx, String(record.resource.location), simulator(ctx).cancelRun(record));
}

function operationStatus(ctx: RouteContext): RouteResult {
  const op = simulator(ctx).operation(ctx.params.operationId);
  if (!op) throw new ArmError(404, 'NotFound', `The operation '${ctx.params.operationId}' was not found.`);
  const body = { name: op.id, status: op.status, startTime: op.startTime, ...(op.endTime ? { endTime: op.endTime } : {}), ...(op.error ? { error: op.error } : {}) };
  return ok(body, op.status === 'InProgress' ? { 'Retry-After': String(ctx.env.settings.retryAfterSeconds) } : undefined);
}

export const imageTemplateWriteRoutes: Route[] = [
  { name: 'imageTemplates.createOrUpdate', method: 'PUT', template: BASE, ...common, handler: createTemplate },
  { name: 'imageTemplates.update', method: 'PATCH', template: BASE, ...common, handler: updateTemplate },
  { name: 'imageTemplates.delete', method: 'DELETE', template: BASE, ...common, handler: deleteTemplate },
  { name: 'imageTemplates.run', method: 'POST', template: `${BASE}/run`, ...common, handler: runTemplate },
  { name: 'imageTemplates.cancel', method: 'POST', template: `${BASE}/cancel`, ...common, handler: cancelRun },
  {
    name: 'imageTemplates.listRunOutputs', method: 'GET', template: `${BASE}/runOutputs`, ...common,
    handler: (ctx) => ok(pageOf(ctx, snapshotOf(simulator(ctx).runOutputs(template(ctx).resource)))),
  },
  {
    name: 'imageTemplates.getRunOutput', method: 'GET', template: `${BASE}/runOutputs/{runOutputName}`, ...common,
    handler: (ctx) => {
      const output = simulator(ctx).runOutputs(template(ctx).resource).find((o) => o.name.toLowerCase() === ctx.params.runOutputName.toLowerCase());
      if (!output) throw resourceNotFound(`${TYPE}/runOutputs`, `${ctx.params.imageTemplateName}/${ctx.params.runOutputName}`, ctx.params.resourceGroupName);
      return ok(snapshotOf(output));
    },
  },
  {
    name: 'imageBuilder.operationStatus', method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.VirtualMachineImages/locations/{location}/operations/{operationId}',
    apiVersions: apiVersions.imageBuilder, resourceType: 'Microsoft.VirtualMachineImages/locations/operations',
    handler: operationStatus,
  },
];

