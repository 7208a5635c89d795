import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient, resourcesClient } from '../clients.ts';
import type { ImageFacts, ImageTemplateFacts, StagingResourceGroupFacts } from '../../core/imageTemplate/imageTemplateFacts.ts';
import { galleryImageDefinitionOfVersion, imageFactsFromAzure, type SourceImageLookup, type TemplateFactLookups } from '../../core/imageTemplate/templateFactLookups.ts';

// Looks up, with the signed-in user's rights, the facts the fact-based rules need (see core/imageTemplate/
// templateFactLookups.ts): the staging resource group and how many resources it holds (@azure/arm-resources), the
// gallery image definitions' generation and SecurityType feature and the source image (@azure/arm-compute).
// A fact that can't be read (no session for its subscription, no permission, not found) is left out, and the
// rule that needs it stays silent; what went wrong is returned for the log.

export interface TemplateFactsResult {
  facts: ImageTemplateFacts;
  /** Lookups that failed, with why (for the output channel; never shown as findings). */
  unavailable: string[];
}

/** The session for a subscription id, when the user is signed in to it. */
export type SessionFor = (subscriptionId: string | undefined) => SubscriptionSession | undefined;

const GROUP_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i;
const IN_GROUP = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/(.+)$/i;

export async function readTemplateFacts(lookups: TemplateFactLookups, sessionFor: SessionFor, abortSignal?: AbortSignal): Promise<TemplateFactsResult> {
  const facts: ImageTemplateFacts = {};
  const unavailable: string[] = [];
  const attempt = async (what: string, read: () => Promise<void>) => {
    try {
      await read();
    } catch (error) {
      unavailable.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const work: Promise<void>[] = [];
  if (lookups.stagingResourceGroup) {
    const id = lookups.stagingResourceGroup;
    work.push(attempt(id, async () => { facts.stagingResourceGroup = await readStagingGroup(id, sessionFor, abortSignal); }));
  }
  for (const id of lookups.galleryImageDefinitions) {
    work.push(attempt(id, async () => {
      const definition = await readGalleryImageDefinition(id, sessionFor, abortSignal);
      facts.galleryImageDefinitions = { ...facts.galleryImageDefinitions, [id]: definition };
    }));
  }
  if (lookups.source) {
    const lookup = lookups.source;
    work.push(attempt(describeSource(lookup), async () => { facts.sourceImage = await readSourceImage(lookup, sessionFor, abortSignal); }));
  }
  await Promise.all(work);
  return { facts, unavailable };
}

function sessionOrThrow(sessionFor: SessionFor, subscriptionId: string | undefined): SubscriptionSession {
  const session = sessionFor(subscriptionId);
  if (!session) throw new Error(`not signed in to subscription ${subscriptionId ?? '(any)'}`);
  return session;
}

async function readStagingGroup(id: string, sessionFor: SessionFor, abortSignal?: AbortSignal): Promise<StagingResourceGroupFacts> {
  const [, subscriptionId, name] = GROUP_ID.exec(id) ?? [];
  const client = await resourcesClient(sessionOrThrow(sessionFor, subscriptionId));
  let location: string;
  try {
    location = (await client.resourceGroups.get(name, { abortSignal })).location;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return { exists: false };
    throw error;
  }
  // Only "empty or not" matters, and how many for the message: stop counting at 100.
  let resourceCount = 0;
  for await (const _resource of client.resources.listByResourceGroup(name, { abortSignal })) {
    if (++resourceCount >= 100) break;
  }
  return { exists: true, location, resourceCount };
}

async function readGalleryImageDefinition(id: string, sessionFor: SessionFor, abortSignal?: AbortSignal): Promise<ImageFacts> {
  const [, subscriptionId, resourceGroup, rest] = IN_GROUP.exec(id) ?? [];
  const [, gallery, , image] = rest.split('/');
  const compute = await computeClient(sessionOrThrow(sessionFor, subscriptionId));
  return imageFactsFromAzure(await compute.galleryImages.get(resourceGroup, gallery, image, { abortSignal }), true);
}

async function readSourceImage(lookup: SourceImageLookup, sessionFor: SessionFor, abortSignal?: AbortSignal): Promise<ImageFacts> {
  if (lookup.kind === 'galleryImageVersion') return readGalleryImageDefinition(galleryImageDefinitionOfVersion(lookup.id), sessionFor, abortSignal);
  if (lookup.kind === 'managedImage') {
    const [, subscriptionId, resourceGroup, rest] = IN_GROUP.exec(lookup.id) ?? [];
    const compute = await computeClient(sessionOrThrow(sessionFor, subscriptionId));
    const image = await compute.images.get(resourceGroup, rest.split('/')[1], { abortSignal });
    // A managed image has no SecurityType feature: its security type stays unknown.
    return imageFactsFromAzure({ osType: image.storageProfile?.osDisk?.osType, hyperVGeneration: image.hyperVGeneration }, false);
  }
  const compute = await computeClient(sessionOrThrow(sessionFor, lookup.subscriptionId));
  const { location, publisher, offer, sku } = lookup;
  let version = lookup.version;
  if (version.toLowerCase() === 'latest') {
    const newest = await compute.virtualMachineImages.list(location, publisher, offer, sku, { top: 1, orderby: 'name desc', abortSignal });
    if (!newest[0]?.name) throw new Error(`no versions of ${publisher}:${offer}:${sku} in ${location}`);
    version = newest[0].name;
  }
  const image = await compute.virtualMachineImages.get(location, publisher, offer, sku, version, { abortSignal });
  return imageFactsFromAzure({ osType: image.osDiskImage?.operatingSystem, hyperVGeneration: image.hyperVGeneration, features: image.features }, true);
}

function describeSource(lookup: SourceImageLookup): string {
  return lookup.kind === 'marketplace' ? `${lookup.publisher}:${lookup.offer}:${lookup.sku}:${lookup.version} (${lookup.location})` : lookup.id;
}
