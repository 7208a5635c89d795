import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factLookupsKey, imageFactsFromAzure, subscriptionsOfLookups, templateFactLookups } from '../../../src/core/imageTemplate/templateFactLookups.ts';
import { factLookupsForText } from '../../../src/core/imageTemplate/validateImageTemplateText.ts';
import { templateKey } from '../../../src/core/imageTemplate/imageTemplateFacts.ts';
import { GALLERY_IMAGE_ID, linuxTemplate, propertiesOf, SUBSCRIPTION, twoTemplateDeployment } from './templateBuilders.ts';

const STAGING = `/subscriptions/${SUBSCRIPTION}/resourceGroups/aib-staging`;

test('a template names what to look up: staging group, gallery definitions, Marketplace source in its subscription', () => {
  const template = linuxTemplate();
  propertiesOf(template).stagingResourceGroup = STAGING;
  assert.deepEqual(templateFactLookups(template), {
    stagingResourceGroup: STAGING,
    galleryImageDefinitions: [GALLERY_IMAGE_ID],
    source: { kind: 'marketplace', subscriptionId: SUBSCRIPTION, location: 'westus2', publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
  });
  assert.deepEqual(subscriptionsOfLookups(templateFactLookups(template)), [SUBSCRIPTION]);
});

test('values still being typed are not looked up: expressions, placeholders, ids of the wrong shape', () => {
  const template = linuxTemplate();
  propertiesOf(template).stagingResourceGroup = '<stagingRg>';
  propertiesOf(template).distribute = [{ type: 'SharedImage', galleryImageId: "[parameters('gallery')]", runOutputName: 'g' }, { type: 'SharedImage', galleryImageId: `${GALLERY_IMAGE_ID}/versions/1.0.0`, runOutputName: 'v' }];
  propertiesOf(template).source = { type: 'SharedImageVersion', imageVersionId: '/subscriptions/x' };
  assert.deepEqual(templateFactLookups(template), { galleryImageDefinitions: [] });
});

test('gallery version and managed image sources are looked up by id; the cache key ignores the rest of the text', () => {
  const template = linuxTemplate();
  const version = `${GALLERY_IMAGE_ID}/versions/1.2.3`;
  propertiesOf(template).source = { type: 'SharedImageVersion', imageVersionId: version };
  const lookups = templateFactLookups(template);
  assert.deepEqual(lookups.source, { kind: 'galleryImageVersion', id: version });
  const edited = linuxTemplate();
  propertiesOf(edited).source = { type: 'SharedImageVersion', imageVersionId: version };
  propertiesOf(edited).customize = [];
  assert.equal(factLookupsKey(templateFactLookups(edited)), factLookupsKey(lookups));
});

test('an image\'s facts from Azure: SecurityType feature, generation, OS; no feature means Standard only when features are listed', () => {
  assert.deepEqual(imageFactsFromAzure({ osType: 'Linux', hyperVGeneration: 'V2', features: [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }] }, true),
    { osType: 'Linux', hyperVGeneration: 'V2', securityType: 'TrustedLaunchSupported' });
  assert.deepEqual(imageFactsFromAzure({ osType: 'Windows', hyperVGeneration: 'V1', features: [] }, true), { osType: 'Windows', hyperVGeneration: 'V1', securityType: 'Standard' });
  assert.deepEqual(imageFactsFromAzure({ osType: 'Linux', hyperVGeneration: 'V2' }, false), { osType: 'Linux', hyperVGeneration: 'V2' });
});

test('each template of a text has its own lookups, keyed by its path; a bare template is the whole document', () => {
  const { text, paths } = twoTemplateDeployment();
  const perTemplate = factLookupsForText(text);
  assert.deepEqual(perTemplate.map((t) => t.templateKey), paths.map(templateKey));
  assert.deepEqual(perTemplate.map((t) => t.lookups.source?.kind === 'marketplace' && t.lookups.source.offer), ['ubuntu-24_04-lts', '0001-com-ubuntu-server-jammy']);
  assert.deepEqual(perTemplate.map((t) => t.lookups.galleryImageDefinitions), [[GALLERY_IMAGE_ID], [GALLERY_IMAGE_ID]]);
  assert.deepEqual(factLookupsForText(JSON.stringify(linuxTemplate())), [{ templateKey: templateKey([]), lookups: templateFactLookups(linuxTemplate()) }]);
  assert.deepEqual(factLookupsForText('[]'), []);
});
