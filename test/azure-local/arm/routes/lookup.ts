// Helpers the route modules share: find the addressed resource or throw ARM's 404.
import type { ResourceKind, StoredResource } from '../../state/LocalAzureState.ts';
import { armId } from '../../state/LocalAzureState.ts';
import { resourceNotFound } from '../armError.ts';
import type { RouteContext } from '../route.ts';

/** The resource `/subscriptions/{s}/resourceGroups/{rg}/providers/{type}/{name}` or ARM's ResourceNotFound. */
export function requireResource(ctx: RouteContext, kind: ResourceKind, type: string, nameParam: string): StoredResource {
  const { subscriptionId, resourceGroupName } = ctx.params;
  const name = ctx.params[nameParam];
  const record = ctx.env.state.get(kind, armId(subscriptionId, resourceGroupName, type, name));
  if (!record) throw resourceNotFound(type, name, resourceGroupName);
  return record;
}

/** Plain JSON copy so later state changes never leak into an answer already built. */
export function snapshotOf<T>(value: T): T {
  return structuredClone(value);
}
