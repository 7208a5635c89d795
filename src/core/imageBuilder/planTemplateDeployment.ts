// What deploying a template file means when a template of that name may already exist. Image templates are
// immutable (only tags and identity change after creation), so a changed template is either deployed under a new
// versioned name or deleted and re-created: the user chooses, after seeing the diff.
import type { Translate } from '../l10n/Translate.ts';
import { asObject, writableTemplateBody, type ImageTemplateBody, type JsonObject } from './templateJson.ts';

export type DeploymentPlan =
  | { kind: 'create' }
  | { kind: 'unchanged' }
  /** Only tags and/or identity differ: an update in place (PATCH) is possible. */
  | { kind: 'updateInPlace'; changed: string[] }
  /** The template itself changed: new versioned name, or delete + re-create. */
  | { kind: 'immutableChange'; changed: string[] }
  /** The deployed one is busy (being created/deleted, or building): nothing can replace it now. */
  | { kind: 'busy'; reason: string };

const IN_PLACE = new Set(['tags', 'identity']);

export function planTemplateDeployment(local: ImageTemplateBody, deployed: JsonObject | undefined, t: Translate): DeploymentPlan {
  if (!deployed) return { kind: 'create' };
  const changed = changedParts(local, writableTemplateBody(deployed));
  if (changed.length === 0) return { kind: 'unchanged' };
  if (changed.every((part) => IN_PLACE.has(part))) return { kind: 'updateInPlace', changed };
  const properties = asObject(deployed.properties) ?? {};
  const provisioning = String(properties.provisioningState ?? '');
  const run = String(asObject(properties.lastRunStatus)?.runState ?? '');
  const name = String(deployed.name ?? '');
  if (['Creating', 'Updating', 'Deleting'].includes(provisioning)) {
    return { kind: 'busy', reason: t('{0} is in provisioning state {1} in Azure right now; deploy again when that has finished.', name, provisioning) };
  }
  if (run === 'Running' || run === 'Canceling') {
    return { kind: 'busy', reason: t('{0} is building right now; cancel the build or wait for it to finish before replacing the template.', name) };
  }
  return { kind: 'immutableChange', changed };
}

/** Top-level parts that differ: `location`, `tags`, `identity`, `properties.<key>`. */
export function changedParts(local: ImageTemplateBody, deployed: ImageTemplateBody): string[] {
  const changed: string[] = [];
  if (normalizeLocation(local.location) !== normalizeLocation(deployed.location)) changed.push('location');
  if (!sameValue(local.tags ?? {}, deployed.tags ?? {})) changed.push('tags');
  if (identityKey(local.identity) !== identityKey(deployed.identity)) changed.push('identity');
  const keys = new Set([...Object.keys(local.properties ?? {}), ...Object.keys(deployed.properties ?? {})]);
  for (const key of [...keys].sort()) {
    if (!sameValue(local.properties?.[key], deployed.properties?.[key])) changed.push(`properties.${key}`);
  }
  return changed;
}

const normalizeLocation = (location: string | undefined) => (location ?? '').replace(/\s/g, '').toLowerCase();

function identityKey(identity: ImageTemplateBody['identity']): string {
  const ids = Object.keys(identity?.userAssignedIdentities ?? {}).map((id) => id.toLowerCase()).sort();
  return `${identity?.type ?? 'None'}|${ids.join(',')}`;
}

/**
 * Deep equality where a value the file leaves out equals the service's default for it (0, '', false, [], {}):
 * ARM returns such defaults, and calling that a change would push people into needless re-creates.
 */
export function sameValue(local: unknown, deployed: unknown): boolean {
  if (local === undefined || local === null) return isEmptyDefault(deployed);
  if (deployed === undefined || deployed === null) return isEmptyDefault(local);
  if (Array.isArray(local) || Array.isArray(deployed)) {
    if (!Array.isArray(local) || !Array.isArray(deployed) || local.length !== deployed.length) return false;
    return local.every((item, i) => sameValue(item, deployed[i]));
  }
  if (typeof local === 'object' && typeof deployed === 'object') {
    const a = local as JsonObject;
    const b = deployed as JsonObject;
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => sameValue(a[k], b[k]));
  }
  return local === deployed;
}

function isEmptyDefault(value: unknown): boolean {
  if (value === undefined || value === null || value === 0 || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as JsonObject).every(isEmptyDefault);
  return false;
}
