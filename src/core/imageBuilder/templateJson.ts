// An image template as a file holds it vs as ARM returns it. ARM adds read-only state (provisioning, last run,
// the staging group it chose, identities' principal ids); a file or a diff should show only what the user wrote.

export type JsonObject = Record<string, unknown>;

export const IMAGE_TEMPLATE_API_VERSION = '2025-10-01';
const READ_ONLY_PROPERTIES = ['provisioningState', 'provisioningError', 'lastRunStatus', 'exactStagingResourceGroup'];

/** The parts a PUT sends: location, tags, identity, properties. */
export interface ImageTemplateBody {
  location?: string;
  tags?: Record<string, string>;
  identity?: { type?: string; userAssignedIdentities?: Record<string, unknown> };
  properties?: JsonObject;
}

export function asObject(value: unknown): JsonObject | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** What the user wrote, from ARM's JSON or a file: read-only state and principal ids left out. */
export function writableTemplateBody(template: JsonObject): ImageTemplateBody {
  const properties = { ...(asObject(template.properties) ?? {}) };
  for (const key of READ_ONLY_PROPERTIES) delete properties[key];
  const identity = asObject(template.identity);
  const assigned = asObject(identity?.userAssignedIdentities);
  return {
    ...(typeof template.location === 'string' ? { location: template.location } : {}),
    ...(asObject(template.tags) ? { tags: template.tags as Record<string, string> } : {}),
    ...(identity
      ? { identity: { type: String(identity.type ?? 'None'), ...(assigned ? { userAssignedIdentities: Object.fromEntries(Object.keys(assigned).map((k) => [k, {}])) } : {}) } }
      : {}),
    properties,
  };
}

/** A deployed template as a file the user can keep, edit and deploy again ("Save Template to File", diffs). */
export function templateFileContent(name: string, template: JsonObject): string {
  const body = writableTemplateBody(template);
  const file = {
    type: 'Microsoft.VirtualMachineImages/imageTemplates',
    apiVersion: IMAGE_TEMPLATE_API_VERSION,
    name,
    ...body,
  };
  return JSON.stringify(file, null, 2) + '\n';
}
