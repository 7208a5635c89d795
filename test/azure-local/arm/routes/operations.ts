// Operation-status endpoints of Microsoft.Compute (VM operations) and its Disk RP (disk and snapshot operations).
// Without monitor=true: the Azure-AsyncOperation body. With monitor=true: the Location semantics — 202 while
// running, then 200 with the operation's result (or its error with the error's HTTP status).
import { ArmError } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import type { TrackedOperation } from '../OperationTracker.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../route.ts';

function operationStatus(ctx: RouteContext, kind: TrackedOperation['kind']): RouteResult {
  const op = ctx.env.operations.get(ctx.params.operationId);
  if (!op || op.kind !== kind || op.subscriptionId.toLowerCase() !== ctx.params.subscriptionId.toLowerCase()) {
    throw new ArmError(404, 'NotFound', `The operation '${ctx.params.operationId}' was not found.`);
  }
  if (ctx.query.get('monitor') === 'true') {
    if (op.status === 'InProgress') return { status: 202, headers: ctx.env.operations.pollingHeaders(op) };
    if (op.status === 'Failed') throw new ArmError(op.errorStatus ?? 500, op.error!.code, op.error!.message);
    return { status: 200, body: op.result === undefined ? undefined : op.result };
  }
  const body: Record<string, unknown> = { startTime: op.startTime, status: op.status, name: op.id };
  if (op.endTime) body.endTime = op.endTime;
  if (op.error) body.error = op.error;
  if (op.status === 'Succeeded' && op.result !== undefined && kind === 'DiskOperations') body.properties = { output: op.result };
  const headers = op.status === 'InProgress' ? { 'Retry-After': String(ctx.env.settings.retryAfterSeconds) } : undefined;
  return ok(body, headers);
}

const versions = [...apiVersions.computeVirtualMachines, ...apiVersions.computeDisks];

export const operationRoutes: Route[] = [
  {
    name: 'compute.operationStatus',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/operations/{operationId}',
    apiVersions: versions,
    resourceType: 'Microsoft.Compute/locations/operations',
    handler: (ctx) => operationStatus(ctx, 'operations'),
  },
  {
    name: 'compute.diskOperationStatus',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/DiskOperations/{operationId}',
    apiVersions: versions,
    resourceType: 'Microsoft.Compute/locations/DiskOperations',
    handler: (ctx) => operationStatus(ctx, 'DiskOperations'),
  },
];
