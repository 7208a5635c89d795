// What an image template refers to, as the stand-in knows it: Marketplace images (with their generation and
// SecurityType feature), Compute Gallery image definitions, managed images, the user-assigned identities templates
// run as, and other resources that can sit in a resource group (so a staging group can be "not empty"). Shapes
// follow the Compute and ManagedIdentity REST examples. Tests change it through `imageBuilderCatalogFor(local.state)`.
import { guid } from '../fixtures/builders.ts';
import { armId, type LocalAzureState } from '../state/LocalAzureState.ts';
import type { ArmResource } from '../state/model.ts';

export const CATALOG_SUBSCRIPTION = '3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12';
export const CATALOG_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CATALOG_RG = 'rg-images-prod';
export const CATALOG_GALLERY = 'gal_contoso_images';

export interface MarketplaceImage {
  location: string;
  publisher: string;
  offer: string;
  sku: string;
  version: string;
  osType: 'Linux' | 'Windows';
  hyperVGeneration: 'V1' | 'V2';
  securityType?: string;
}

export interface ImageBuilderCatalog {
  marketplaceImages: MarketplaceImage[];
  /** Preview features by lower-cased 'Namespace/Feature' → state (absent: NotRegistered). */
  features: Map<string, string>;
  add(resource: ArmResource): ArmResource;
  get(id: string): ArmResource | undefined;
  remove(id: string): void;
  /** Top-level resources of a group (what ARM's resource-group listing returns; child resources are not listed). */
  inResourceGroup(subscriptionId: string, resourceGroup: string): ArmResource[];
}

const catalogs = new WeakMap<LocalAzureState, ImageBuilderCatalog>();

export function imageBuilderCatalogFor(state: LocalAzureState): ImageBuilderCatalog {
  let catalog = catalogs.get(state);
  if (!catalog) {
    catalogs.set(state, (catalog = seededCatalog()));
    // The identities are service principals of the directory, so roles can be assigned to them.
    for (const identity of [identityOf('id-image-builder')]) {
      state.servicePrincipals.push({ tenantId: CATALOG_TENANT, id: identity.properties!.principalId, appId: identity.properties!.clientId, displayName: identity.name });
    }
    // Contributor: the built-in role the extension offers where the identity writes (Reader is in the fixture).
    const contributor = '/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c';
    if (!state.get('roleDefinitions', contributor)) {
      state.put('roleDefinitions', { resource: {
        id: contributor, name: 'b24988ac-6180-42a0-ab88-20f7382dd24c', type: 'Microsoft.Authorization/roleDefinitions',
        properties: {
          roleName: 'Contributor', type: 'BuiltInRole', description: 'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.',
          assignableScopes: ['/'], permissions: [{ actions: ['*'], notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'], dataActions: [], notDataActions: [] }],
        },
      } });
    }
  }
  return catalog;
}

export function galleryImageDefinition(name: string, spec: { osType?: 'Linux' | 'Windows'; hyperVGeneration: 'V1' | 'V2'; securityType?: string; location?: string }): ArmResource {
  return {
    id: armId(CATALOG_SUBSCRIPTION, CATALOG_RG, `Microsoft.Compute/galleries/${CATALOG_GALLERY}/images`, name),
    name,
    type: 'Microsoft.Compute/galleries/images',
    location: spec.location ?? 'japaneast',
    properties: {
      osType: spec.osType ?? 'Linux', osState: 'Generalized', hyperVGeneration: spec.hyperVGeneration,
      identifier: { publisher: 'Contoso', offer: 'platform', sku: name },
      ...(spec.securityType ? { features: [{ name: 'SecurityType', value: spec.securityType }] } : {}),
      provisioningState: 'Succeeded',
    },
  };
}

export function identityOf(name: string, subscriptionId = CATALOG_SUBSCRIPTION, resourceGroup = CATALOG_RG): ArmResource {
  const id = armId(subscriptionId, resourceGroup, 'Microsoft.ManagedIdentity/userAssignedIdentities', name);
  return {
    id, name, type: 'Microsoft.ManagedIdentity/userAssignedIdentities', location: 'japaneast', tags: {},
    // Same principal id as the fixture templates' identity block (fixtures/vaultAndTemplateBuilders.ts).
    properties: { tenantId: CATALOG_TENANT, principalId: guid(`p:${id}`), clientId: guid(`c:${id}`) },
  };
}

function seededCatalog(): ImageBuilderCatalog {
  const resources = new Map<string, ArmResource>();
  const catalog: ImageBuilderCatalog = {
    marketplaceImages: [
      { location: 'japaneast', publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: '24.04.202510010', osType: 'Linux', hyperVGeneration: 'V2', securityType: 'TrustedLaunchSupported' },
      { location: 'japaneast', publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server-gen1', version: '24.04.202510010', osType: 'Linux', hyperVGeneration: 'V1' },
      { location: 'japaneast', publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: '22.04.202510010', osType: 'Linux', hyperVGeneration: 'V2', securityType: 'TrustedLaunchSupported' },
      { location: 'japaneast', publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: '22.04.202510010', osType: 'Linux', hyperVGeneration: 'V1' },
    ],
    features: new Map(),
    add(resource) {
      resources.set(resource.id.toLowerCase(), resource);
      return resource;
    },
    get(id) {
      return resources.get(id.toLowerCase());
    },
    remove(id) {
      resources.delete(id.toLowerCase());
    },
    inResourceGroup(subscriptionId, resourceGroup) {
      const prefix = `/subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}/providers/`.toLowerCase();
      return [...resources.entries()].filter(([id]) => id.startsWith(prefix) && id.slice(prefix.length).split('/').length === 3).map(([, r]) => r);
    },
  };
  catalog.add({
    id: armId(CATALOG_SUBSCRIPTION, CATALOG_RG, 'Microsoft.Compute/galleries', CATALOG_GALLERY), name: CATALOG_GALLERY,
    type: 'Microsoft.Compute/galleries', location: 'japaneast', properties: { provisioningState: 'Succeeded' },
  });
  catalog.add(galleryImageDefinition('ubuntu-gen2-trusted', { hyperVGeneration: 'V2', securityType: 'TrustedLaunchSupported' }));
  catalog.add(galleryImageDefinition('ubuntu-gen2', { hyperVGeneration: 'V2' }));
  catalog.add(galleryImageDefinition('ubuntu-gen1', { hyperVGeneration: 'V1' }));
  catalog.add(galleryImageDefinition('ubuntu-trusted-launch', { hyperVGeneration: 'V2', securityType: 'TrustedLaunch' }));
  catalog.add(identityOf('id-image-builder'));
  return catalog;
}
