// Resource ids elsewhere in the template (source images, managed image targets, identities, subnets) checked for
// shape, so a pasted name or a truncated id is caught before Azure answers "resource not found" mid-build.
// Gallery targets and the staging resource group have their own rules with more specific advice.

import { isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { RESOURCE_ID_SHAPES, isSourceImageVersionId, matchesResourceIdShape, type ResourceIdShape } from '../azureResourceId.ts';
import { localizable, ruleFinding, type JsonPath, type RuleFinding } from '../finding.ts';
import { hasPlaceholder } from '../placeholders.ts';
import { asObject, distributors, kindOf, source, templateProperties, type JsonObject } from '../templateAccess.ts';

const RULE = 'resource-id-format';

interface IdToCheck {
  id: unknown;
  path: JsonPath;
  shape: ResourceIdShape;
  target?: 'key';
}

export const resourceIdFormatRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const findings: RuleFinding[] = [];
    for (const item of idsIn(resource)) {
      const { id, path, shape } = item;
      if (!isLiteralString(id) || id.trim() === '' || hasPlaceholder(id)) continue;
      const valid = shape === 'galleryImageVersion' ? isSourceImageVersionId(id) : matchesResourceIdShape(id, shape);
      if (!valid) {
        findings.push(ruleFinding(RULE, 'error', path, localizable('This is not a valid {0} resource id. Expected: {1}', DESCRIPTIONS[shape], RESOURCE_ID_SHAPES[shape].example), item.target));
      }
    }
    return findings;
  },
};

const DESCRIPTIONS: Record<ResourceIdShape, string> = {
  resourceGroup: 'resource group',
  managedImage: 'managed image',
  galleryImageDefinition: 'gallery image definition',
  galleryImageVersion: 'gallery image version',
  userAssignedIdentity: 'user-assigned identity',
  subnet: 'subnet',
};

function idsIn(resource: JsonObject): IdToCheck[] {
  const ids: IdToCheck[] = [];
  const src = source(resource);
  if (src?.value.type === 'ManagedImage') ids.push({ id: src.value.imageId, path: [...src.path, 'imageId'], shape: 'managedImage' });
  if (src?.value.type === 'SharedImageVersion') ids.push({ id: src.value.imageVersionId, path: [...src.path, 'imageVersionId'], shape: 'galleryImageVersion' });
  for (const { value, path } of distributors(resource)) {
    if (kindOf(value) === 'ManagedImage') ids.push({ id: value.imageId, path: [...path, 'imageId'], shape: 'managedImage' });
  }
  for (const key of Object.keys(asObject(asObject(resource.identity)?.userAssignedIdentities) ?? {})) {
    ids.push({ id: key, path: ['identity', 'userAssignedIdentities', key], shape: 'userAssignedIdentity', target: 'key' });
  }
  const vmProfile = asObject(templateProperties(resource)?.vmProfile);
  if (Array.isArray(vmProfile?.userAssignedIdentities)) {
    vmProfile.userAssignedIdentities.forEach((id, index) =>
      ids.push({ id, path: ['properties', 'vmProfile', 'userAssignedIdentities', index], shape: 'userAssignedIdentity' }));
  }
  const vnet = asObject(vmProfile?.vnetConfig);
  for (const key of ['subnetId', 'containerInstanceSubnetId']) {
    if (vnet && key in vnet) ids.push({ id: vnet[key], path: ['properties', 'vmProfile', 'vnetConfig', key], shape: 'subnet' });
  }
  return ids;
}
