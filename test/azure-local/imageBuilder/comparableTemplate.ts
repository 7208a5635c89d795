// What the service compares when an image template is PUT again: everything but tags and the read-only state.
// Identities compare by their resource ids (case-insensitive), locations without spaces or case.
import type { ArmResource } from '../state/model.ts';

const READ_ONLY = ['provisioningState', 'provisioningError', 'lastRunStatus', 'exactStagingResourceGroup'];

export function comparableTemplate(resource: Pick<ArmResource, 'location' | 'properties'> & { identity?: unknown }): string {
  const identity = (resource.identity ?? {}) as { type?: string; userAssignedIdentities?: Record<string, unknown> };
  const properties = { ...(resource.properties ?? {}) };
  for (const key of READ_ONLY) delete properties[key];
  return stableJson({
    location: String(resource.location ?? '').replace(/\s/g, '').toLowerCase(),
    identity: { type: identity.type ?? 'None', ids: Object.keys(identity.userAssignedIdentities ?? {}).map((k) => k.toLowerCase()).sort() },
    properties,
  });
}

export function sameTemplate(a: ArmResource, b: ArmResource): boolean {
  return comparableTemplate(a) === comparableTemplate(b);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
