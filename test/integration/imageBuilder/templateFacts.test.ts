import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import { readTemplateFacts } from '../../../src/azure/imageBuilder/readTemplateFacts.ts';
import { templateKey } from '../../../src/core/imageTemplate/imageTemplateFacts.ts';
import { templateFactLookups } from '../../../src/core/imageTemplate/templateFactLookups.ts';
import { validateImageTemplateText } from '../../../src/core/imageTemplate/validateImageTemplateText.ts';
import { CATALOG_GALLERY } from '../../azure-local/imageBuilder/imageBuilderCatalog.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';
import { IMAGES_RG, linuxTemplate, PROD } from './testTemplates.ts';

// The facts only Azure knows (staging group contents and region, image generations and security types), read by the
// real SDK clients from the stand-in, turned into the findings a user sees before deploying.

let local: LocalAzure;
let sessions: SubscriptionSession[];
const originalPath = process.env.PATH;
const sessionFor = (subscriptionId: string | undefined) =>
  sessions.find((s) => s.subscriptionId.toLowerCase() === (subscriptionId ?? PROD).toLowerCase());
const gallery = (image: string) => `/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}/providers/Microsoft.Compute/galleries/${CATALOG_GALLERY}/images/${image}`;

before(async () => {
  local = await startLocalAzure({ lroDurationMs: 100 });
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  sessions = (await listAzureCliSubscriptions(localCloud(local), azureCliCredentials())).subscriptions;
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

function template(properties: Record<string, unknown>) {
  const base = linuxTemplate('facts');
  return { type: 'Microsoft.VirtualMachineImages/imageTemplates', apiVersion: '2025-10-01', name: 'it-facts', ...base, properties: { ...base.properties, ...properties } };
}

async function findingsWithFacts(resource: ReturnType<typeof template>) {
  const { facts, unavailable } = await readTemplateFacts(templateFactLookups(resource), sessionFor);
  const findings = validateImageTemplateText(JSON.stringify(resource, null, 2), { factsByTemplate: new Map([[templateKey([]), facts]]) });
  return { facts, unavailable, findings: findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`) };
}

test('a staging resource group that already holds resources is an error; a missing one is fine', async () => {
  const busy = await findingsWithFacts(template({ stagingResourceGroup: `/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}` }));
  assert.equal(busy.facts.stagingResourceGroup?.exists, true);
  assert.ok((busy.facts.stagingResourceGroup?.resourceCount ?? 0) > 0);
  assert.ok(busy.findings.some((f) => /^staging-resource-group: This resource group already holds \d+ resource\(s\)/.test(f)), busy.findings.join('\n'));

  const missing = await findingsWithFacts(template({ stagingResourceGroup: `/subscriptions/${PROD}/resourceGroups/rg-staging-new` }));
  assert.deepEqual(missing.facts.stagingResourceGroup, { exists: false });
  assert.deepEqual(missing.findings.filter((f) => f.startsWith('staging-resource-group')), []);
});

test('an empty staging group in another region is an error naming both regions', async () => {
  local.state.put('resourceGroups', { resource: { id: `/subscriptions/${PROD}/resourceGroups/rg-staging-westus`, name: 'rg-staging-westus', type: 'Microsoft.Resources/resourceGroups', location: 'westus', properties: { provisioningState: 'Succeeded' } } });
  const { facts, findings } = await findingsWithFacts(template({ stagingResourceGroup: `/subscriptions/${PROD}/resourceGroups/rg-staging-westus` }));
  assert.deepEqual(facts.stagingResourceGroup, { exists: true, location: 'westus', resourceCount: 0 });
  assert.deepEqual(findings.filter((f) => f.startsWith('staging-resource-group')), [
    'staging-resource-group: This resource group is in "westus" but the template is in "japaneast". The staging resource group must be in the template\'s region.',
  ]);
});

test('a Gen2 TrustedLaunchSupported Marketplace source: a Gen1 definition and a regular Gen2 definition are refused', async () => {
  const distribute = [
    { type: 'SharedImage', galleryImageId: gallery('ubuntu-gen1'), runOutputName: 'gen1', replicationRegions: ['japaneast'] },
    { type: 'SharedImage', galleryImageId: gallery('ubuntu-gen2'), runOutputName: 'gen2', replicationRegions: ['japaneast'] },
    { type: 'SharedImage', galleryImageId: gallery('ubuntu-gen2-trusted'), runOutputName: 'trusted', replicationRegions: ['japaneast'] },
  ];
  const { facts, findings, unavailable } = await findingsWithFacts(template({ distribute }));
  assert.deepEqual(unavailable, []);
  assert.deepEqual(facts.sourceImage, { osType: 'Linux', hyperVGeneration: 'V2', securityType: 'TrustedLaunchSupported' });
  const about = (rule: string) => findings.filter((f) => f.startsWith(rule));
  assert.equal(about('hyper-v-generation').length, 1);
  assert.match(about('hyper-v-generation')[0], /generation V2 \(from Azure\) but this image definition is V1/);
  assert.equal(about('security-type').length, 2, 'the Gen1 and the regular Gen2 definitions');
  assert.match(about('security-type').join('\n'), /must be TrustedLaunchSupported too \(it is Standard\)/);
});

test('a gallery version of a TrustedLaunch definition cannot be a source', async () => {
  const source = { type: 'SharedImageVersion', imageVersionId: `${gallery('ubuntu-trusted-launch')}/versions/1.0.0` };
  const { facts, findings } = await findingsWithFacts(template({ source }));
  assert.equal(facts.sourceImage?.securityType, 'TrustedLaunch');
  assert.ok(findings.some((f) => /^security-type: The source image has security type TrustedLaunch/.test(f)), findings.join('\n'));
});

test('what cannot be read (unknown image, subscription not signed in) is left out, and its rules stay silent', async () => {
  const other = '00000000-0000-0000-0000-00000000dead';
  const { facts, unavailable, findings } = await findingsWithFacts(template({
    source: { type: 'PlatformImage', publisher: 'Canonical', offer: 'no-such-offer', sku: 'x', version: 'latest' },
    stagingResourceGroup: `/subscriptions/${other}/resourceGroups/rg-x`,
  }));
  assert.deepEqual(facts, {});
  assert.equal(unavailable.length, 2);
  assert.deepEqual(findings.filter((f) => /^(staging-resource-group|security-type|hyper-v-generation)/.test(f)), []);
});

test('a preview region\'s feature: NotRegistered until registered, then Registered', async () => {
  const { getPreviewFeatureState } = await import('../../../src/azure/imageBuilder/providerRegistration.ts');
  const { imageBuilderCatalogFor } = await import('../../azure-local/imageBuilder/imageBuilderCatalog.ts');
  const session = sessionFor(PROD)!;
  assert.equal(await getPreviewFeatureState(session, 'FairfaxPublicPreview'), 'NotRegistered');
  imageBuilderCatalogFor(local.state).features.set('microsoft.virtualmachineimages/fairfaxpublicpreview', 'Registered');
  assert.equal(await getPreviewFeatureState(session, 'FairfaxPublicPreview'), 'Registered');
});

test('registering a preview feature with @azure/arm-features: Registering first, then Registered', async () => {
  const { getPreviewFeatureState, registerPreviewFeature } = await import('../../../src/azure/imageBuilder/providerRegistration.ts');
  const session = sessionFor(PROD)!;
  assert.equal(await getPreviewFeatureState(session, 'MooncakePublicPreview'), 'NotRegistered');
  const seen: string[] = [];
  const reached = await registerPreviewFeature(session, 'MooncakePublicPreview', undefined, { pollIntervalMs: 20, timeoutMs: 10_000, onState: (s) => seen.push(s) });
  assert.equal(reached, 'Registered');
  assert.equal(seen[0], 'Registering');
  assert.equal(await getPreviewFeatureState(session, 'MooncakePublicPreview'), 'Registered');
  // Registering again leaves it Registered (no step back to Registering).
  assert.equal(await registerPreviewFeature(session, 'MooncakePublicPreview', undefined, { onState: (s) => seen.push(`again: ${s}`) }), 'Registered');
  assert.ok(!seen.some((s) => s.startsWith('again')), seen.join(', '));
});

test('a preview feature that does not finish within the wait is returned as still Registering (not an error)', async () => {
  const { getPreviewFeatureState, registerPreviewFeature } = await import('../../../src/azure/imageBuilder/providerRegistration.ts');
  const session = sessionFor(PROD)!;
  assert.equal(await registerPreviewFeature(session, 'SlowPublicPreview', undefined, { timeoutMs: 0 }), 'Registering');
  assert.equal(await getPreviewFeatureState(session, 'SlowPublicPreview'), 'Registering');
});
