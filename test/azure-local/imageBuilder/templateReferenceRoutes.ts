// What the extension reads about the things an image template refers to, before deploying and while editing:
// - resources in a resource group (@azure/arm-resources 6.1.0, 2025-03-01): is the staging group empty?
// - Compute Gallery image definitions (@azure/arm-compute 25.1.1, galleries 2025-12-03), managed images and
//   Marketplace image versions (2026-04-01): generation, OS and the SecurityType feature;
// - user-assigned identities (@azure/arm-msi 2.2.0, 2024-11-30): the principal the roles are assigned to;
// - preview features (@azure/arm-features 3.1.0, 2021-07-01): read and register FairfaxPublicPreview & co.
// The data lives in imageBuilderCatalog.ts.
import { ArmError, resourceNotFound } from '../arm/armError.ts';
import { apiVersions } from '../arm/apiVersions.ts';
import { pageOf } from '../arm/paging.ts';
import { ok, type Route, type RouteContext } from '../arm/route.ts';
import { snapshotOf } from '../arm/routes/lookup.ts';
import { armId, type ResourceKind } from '../state/LocalAzureState.ts';
import { buildSimulatorFor } from './BuildSimulator.ts';
import { imageBuilderCatalogFor, type MarketplaceImage } from './imageBuilderCatalog.ts';

const GALLERY_API_VERSIONS = ['2025-12-03'];
const COMPUTE_API_VERSIONS = ['2026-04-01'];
const MSI_API_VERSIONS = ['2024-11-30'];
const RESOURCE_KINDS: ResourceKind[] = ['virtualMachines', 'disks', 'snapshots', 'vaults', 'imageTemplates', 'recoveryServicesVaults'];
const VM_IMAGE_VERSIONS = '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/publishers/{publisherName}/artifacttypes/vmimage/offers/{offer}/skus/{skus}/versions';

const FEATURES_API_VERSIONS = ['2021-07-01'];
const FEATURE = '/subscriptions/{subscriptionId}/providers/Microsoft.Features/providers/{resourceProviderNamespace}/features/{featureName}';

/** Preview features are kept by lower-cased 'Namespace/Feature'. */
const featureKey = (ctx: RouteContext) => `${ctx.params.resourceProviderNamespace}/${ctx.params.featureName}`.toLowerCase();

function featureResult(ctx: RouteContext, state: string) {
  const { subscriptionId, resourceProviderNamespace, featureName } = ctx.params;
  return {
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.Features/providers/${resourceProviderNamespace}/features/${featureName}`,
    name: `${resourceProviderNamespace}/${featureName}`, type: 'Microsoft.Features/providers/features', properties: { state },
  };
}

function catalogResource(ctx: RouteContext, type: string, path: string, name: string) {
  const { subscriptionId, resourceGroupName } = ctx.params;
  const found = imageBuilderCatalogFor(ctx.env.state).get(armId(subscriptionId, resourceGroupName, type, path));
  if (!found) throw resourceNotFound(type, name, resourceGroupName);
  return snapshotOf(found);
}

function marketplaceImages(ctx: RouteContext): MarketplaceImage[] {
  const { location, publisherName, offer, skus } = ctx.params;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return imageBuilderCatalogFor(ctx.env.state).marketplaceImages
    .filter((i) => same(i.location, location) && same(i.publisher, publisherName) && same(i.offer, offer) && same(i.sku, skus));
}

function imageVersionId(ctx: RouteContext, image: MarketplaceImage): string {
  return `/Subscriptions/${ctx.params.subscriptionId}/Providers/Microsoft.Compute/Locations/${image.location}/Publishers/${image.publisher}/ArtifactTypes/VMImage/Offers/${image.offer}/Skus/${image.sku}/Versions/${image.version}`;
}

export const templateReferenceRoutes: Route[] = [
  {
    name: 'resources.listByResourceGroup', method: 'GET', template: '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/resources',
    apiVersions: apiVersions.resources,
    handler: (ctx) => {
      const { subscriptionId, resourceGroupName } = ctx.params;
      const stored = RESOURCE_KINDS.flatMap((kind) => ctx.env.state.list(kind, subscriptionId, resourceGroupName).map((r) => r.resource));
      const staging = buildSimulatorFor(ctx.env.state).storageAccountsIn(subscriptionId, resourceGroupName).map((a) => a.resource);
      const others = imageBuilderCatalogFor(ctx.env.state).inResourceGroup(subscriptionId, resourceGroupName);
      const items = [...stored, ...staging, ...others].map((r) => ({ id: r.id, name: r.name, type: r.type, location: r.location, ...(r.tags ? { tags: r.tags } : {}) }));
      return ok(pageOf(ctx, items));
    },
  },
  {
    name: 'galleryImages.get', method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}/images/{galleryImageName}',
    apiVersions: GALLERY_API_VERSIONS, resourceType: 'Microsoft.Compute/galleries/images',
    handler: (ctx) => ok(catalogResource(ctx, 'Microsoft.Compute/galleries', `${ctx.params.galleryName}/images/${ctx.params.galleryImageName}`, ctx.params.galleryImageName)),
  },
  {
    name: 'images.get', method: 'GET', template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/images/{imageName}',
    apiVersions: COMPUTE_API_VERSIONS, resourceType: 'Microsoft.Compute/images',
    handler: (ctx) => ok(catalogResource(ctx, 'Microsoft.Compute/images', ctx.params.imageName, ctx.params.imageName)),
  },
  {
    name: 'virtualMachineImages.list', method: 'GET', template: VM_IMAGE_VERSIONS, apiVersions: COMPUTE_API_VERSIONS, resourceType: 'Microsoft.Compute/locations/publishers',
    handler: (ctx) => {
      // Not paged: a plain array, oldest first unless $orderby=name desc; $top cuts it.
      let images = marketplaceImages(ctx).sort((a, b) => a.version.localeCompare(b.version, undefined, { numeric: true }));
      if (/name\s+desc/i.test(ctx.query.get('$orderby') ?? '')) images = images.reverse();
      const top = Number(ctx.query.get('$top') ?? images.length);
      return ok(images.slice(0, top).map((i) => ({ location: i.location, name: i.version, id: imageVersionId(ctx, i) })));
    },
  },
  {
    name: 'virtualMachineImages.get', method: 'GET', template: `${VM_IMAGE_VERSIONS}/{version}`, apiVersions: COMPUTE_API_VERSIONS, resourceType: 'Microsoft.Compute/locations/publishers',
    handler: (ctx) => {
      const image = marketplaceImages(ctx).find((i) => i.version === ctx.params.version);
      if (!image) throw new ArmError(404, 'NotFound', `Artifact: VMImage was not found.`);
      return ok({
        location: image.location, name: image.version, id: imageVersionId(ctx, image),
        properties: {
          hyperVGeneration: image.hyperVGeneration, architecture: 'x64', osDiskImage: { operatingSystem: image.osType },
          dataDiskImages: [],
          ...(image.securityType ? { features: [{ name: 'SecurityType', value: image.securityType }, { name: 'IsAcceleratedNetworkSupported', value: 'True' }] } : { features: [] }),
        },
      });
    },
  },
  {
    // Microsoft.Features as @azure/arm-features 3.1.0 (FeatureClient.features.get) reads it, api-version 2021-07-01.
    name: 'features.get', method: 'GET', template: FEATURE, apiVersions: FEATURES_API_VERSIONS,
    handler: (ctx) => ok(featureResult(ctx, imageBuilderCatalogFor(ctx.env.state).features.get(featureKey(ctx)) ?? 'NotRegistered')),
  },
  {
    // features.register: Registering at once, Registered one long-running-operation time later, as Azure moves a
    // feature that needs no approval. One already Registered stays so.
    name: 'features.register', method: 'POST', template: `${FEATURE}/register`, apiVersions: FEATURES_API_VERSIONS,
    handler: (ctx) => {
      const features = imageBuilderCatalogFor(ctx.env.state).features;
      const key = featureKey(ctx);
      if (features.get(key) !== 'Registered') {
        features.set(key, 'Registering');
        const timer = setTimeout(() => { if (features.get(key) === 'Registering') features.set(key, 'Registered'); }, ctx.env.settings.lroDurationMs);
        timer.unref();
      }
      return ok(featureResult(ctx, features.get(key)!));
    },
  },
  {
    name: 'userAssignedIdentities.get', method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}',
    apiVersions: MSI_API_VERSIONS, resourceType: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    handler: (ctx) => ok(catalogResource(ctx, 'Microsoft.ManagedIdentity/userAssignedIdentities', ctx.params.resourceName, ctx.params.resourceName)),
  },
];
