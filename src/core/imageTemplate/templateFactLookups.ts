// Which facts the fact-based rules need looked up in Azure for one template: the staging resource group (does it
// exist, where, how many resources it holds), the gallery image definitions it distributes to (generation and
// SecurityType), and its source image (Marketplace, managed image or gallery version). Pure: the adapter in
// src/azure/imageBuilder/readTemplateFacts.ts does the calls. Values still being typed (expressions, placeholders,
// ids of the wrong shape) are not looked up.

import { isLiteralString } from './armExpression.ts';
import { matchesResourceIdShape, subscriptionOf } from './azureResourceId.ts';
import type { ImageFacts, ImageSecurityType } from './imageTemplateFacts.ts';
import { hasPlaceholder } from './placeholders.ts';
import { asObject, distributors, kindOf, source, templateProperties, type JsonObject } from './templateAccess.ts';

export type SourceImageLookup =
  | { kind: 'marketplace'; subscriptionId?: string; location: string; publisher: string; offer: string; sku: string; version: string }
  | { kind: 'managedImage'; id: string }
  | { kind: 'galleryImageVersion'; id: string };

export interface TemplateFactLookups {
  /** Resource group id of `stagingResourceGroup`. */
  stagingResourceGroup?: string;
  /** Gallery image definition ids of the SharedImage targets. */
  galleryImageDefinitions: string[];
  source?: SourceImageLookup;
}

/** The lookups of one template of a text, with the key its facts go under (`templateKey` of its path). */
export interface TemplateLookupsInText {
  templateKey: string;
  lookups: TemplateFactLookups;
}

const usable = (value: unknown): value is string => isLiteralString(value) && value.trim() !== '' && !hasPlaceholder(value);

export function templateFactLookups(resource: JsonObject): TemplateFactLookups {
  const lookups: TemplateFactLookups = { galleryImageDefinitions: [] };
  const staging = templateProperties(resource)?.stagingResourceGroup;
  if (usable(staging) && matchesResourceIdShape(staging, 'resourceGroup')) lookups.stagingResourceGroup = staging.trim();
  for (const { value } of distributors(resource)) {
    const id = value.galleryImageId;
    if (kindOf(value) === 'SharedImage' && usable(id) && matchesResourceIdShape(id, 'galleryImageDefinition')
      && !lookups.galleryImageDefinitions.some((known) => known.toLowerCase() === id.trim().toLowerCase())) {
      lookups.galleryImageDefinitions.push(id.trim());
    }
  }
  const src = source(resource)?.value;
  if (src?.type === 'PlatformImage' && usable(resource.location) && usable(src.publisher) && usable(src.offer) && usable(src.sku)) {
    lookups.source = {
      kind: 'marketplace', subscriptionId: templateSubscription(resource), location: resource.location, publisher: src.publisher, offer: src.offer, sku: src.sku,
      version: usable(src.version) ? src.version : 'latest',
    };
  } else if (src?.type === 'ManagedImage' && usable(src.imageId) && matchesResourceIdShape(src.imageId, 'managedImage')) {
    lookups.source = { kind: 'managedImage', id: src.imageId.trim() };
  } else if (src?.type === 'SharedImageVersion' && usable(src.imageVersionId) && matchesResourceIdShape(src.imageVersionId, 'galleryImageVersion')) {
    lookups.source = { kind: 'galleryImageVersion', id: src.imageVersionId.trim() };
  }
  return lookups;
}

/** The subscription the template names (identity, targets): where a Marketplace image is looked up. */
function templateSubscription(resource: JsonObject): string | undefined {
  const identities = Object.keys(asObject(asObject(resource.identity)?.userAssignedIdentities) ?? {});
  const targets = distributors(resource).map(({ value }) => value.imageId ?? value.galleryImageId);
  return [...identities, ...targets].map((id) => (usable(id) ? subscriptionOf(id) : undefined)).find((s) => !!s);
}

export function hasFactLookups(lookups: TemplateFactLookups): boolean {
  return !!lookups.stagingResourceGroup || lookups.galleryImageDefinitions.length > 0 || !!lookups.source;
}

/** A stable key for caching: the same lookups give the same key, whatever else changed in the text. */
export function factLookupsKey(lookups: TemplateFactLookups): string {
  return JSON.stringify([lookups.stagingResourceGroup?.toLowerCase(), lookups.galleryImageDefinitions.map((id) => id.toLowerCase()).sort(), lookups.source]);
}

/** The subscriptions whose sessions the lookups need (ids name them; a Marketplace image uses the template's). */
export function subscriptionsOfLookups(lookups: TemplateFactLookups): string[] {
  const ids = [lookups.stagingResourceGroup, ...lookups.galleryImageDefinitions, lookups.source?.kind === 'marketplace' ? undefined : lookups.source?.id];
  return [...new Set(ids.map((id) => (id ? subscriptionOf(id) : undefined)).filter((s): s is string => !!s))];
}

const SECURITY_TYPES: readonly ImageSecurityType[] = [
  'Standard', 'TrustedLaunchSupported', 'ConfidentialVMSupported', 'TrustedLaunchAndConfidentialVmSupported', 'TrustedLaunch', 'ConfidentialVM',
];

/**
 * An image's facts from what Azure returns for it (gallery image definition, Marketplace image version, managed
 * image): `osType`, `hyperVGeneration` and the `SecurityType` feature. An image without that feature is Standard
 * when `featuresKnown` (gallery definitions and Marketplace images list their features), unknown otherwise.
 */
export function imageFactsFromAzure(image: { osType?: string; hyperVGeneration?: string; features?: Array<{ name?: string; value?: string }> }, featuresKnown: boolean): ImageFacts {
  const facts: ImageFacts = {};
  if (image.osType === 'Linux' || image.osType === 'Windows') facts.osType = image.osType;
  if (image.hyperVGeneration === 'V1' || image.hyperVGeneration === 'V2') facts.hyperVGeneration = image.hyperVGeneration;
  const feature = image.features?.find((f) => f.name?.toLowerCase() === 'securitytype')?.value;
  const known = SECURITY_TYPES.find((type) => type.toLowerCase() === feature?.toLowerCase());
  if (known) facts.securityType = known;
  else if (featuresKnown && !feature) facts.securityType = 'Standard';
  return facts;
}

/** `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i/versions/v` → its definition id. */
export function galleryImageDefinitionOfVersion(versionId: string): string {
  return versionId.replace(/\/versions\/[^/]+$/i, '');
}
