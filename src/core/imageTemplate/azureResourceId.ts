// Shapes of the resource ids an image template refers to. Checked locally so a typo (a missing `/providers/`, a
// gallery *version* where the *definition* is wanted, a bare name instead of an id) shows while typing.

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const RESOURCE_GROUP = '[-\\w._()]{0,89}[-\\w_()]';
const NAME = '[^/]+';

function idPattern(tail: string): RegExp {
  return new RegExp(`^/subscriptions/(${GUID})/resourceGroups/(${RESOURCE_GROUP})${tail}$`, 'i');
}

export const RESOURCE_ID_SHAPES = {
  resourceGroup: { pattern: idPattern(''), example: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}' },
  managedImage: {
    pattern: idPattern(`/providers/Microsoft\\.Compute/images/(${NAME})`),
    example: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Compute/images/{imageName}',
  },
  galleryImageDefinition: {
    pattern: idPattern(`/providers/Microsoft\\.Compute/galleries/(${NAME})/images/(${NAME})`),
    example: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Compute/galleries/{gallery}/images/{imageDefinition}',
  },
  galleryImageVersion: {
    pattern: idPattern(`/providers/Microsoft\\.Compute/galleries/(${NAME})/images/(${NAME})/versions/(${NAME})`),
    example: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Compute/galleries/{gallery}/images/{imageDefinition}/versions/{version}',
  },
  userAssignedIdentity: {
    pattern: idPattern(`/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/(${NAME})`),
    example: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{identityName}',
  },
  subnet: {
    pattern: idPattern(`/providers/Microsoft\\.Network/virtualNetworks/(${NAME})/subnets/(${NAME})`),
    example: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/virtualNetworks/{vnet}/subnets/{subnet}',
  },
} as const;

export type ResourceIdShape = keyof typeof RESOURCE_ID_SHAPES;

export function matchesResourceIdShape(id: string, shape: ResourceIdShape): boolean {
  return RESOURCE_ID_SHAPES[shape].pattern.test(id.trim());
}

/** Versions shared through a direct shared gallery or a community gallery don't live under a subscription. */
const SHARED_OR_COMMUNITY_VERSION =
  /^(\/subscriptions\/[^/]+\/providers\/Microsoft\.Compute\/locations\/[^/]+)?\/(sharedGalleries|communityGalleries)\/[^/]+\/images\/[^/]+\/versions\/[^/]+$/i;

export function isSourceImageVersionId(id: string): boolean {
  return matchesResourceIdShape(id, 'galleryImageVersion') || SHARED_OR_COMMUNITY_VERSION.test(id.trim());
}

export function subscriptionOf(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id.trim())?.[1]?.toLowerCase();
}
