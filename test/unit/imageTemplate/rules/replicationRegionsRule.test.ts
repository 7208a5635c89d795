import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replicationRegionsRule } from '../../../../src/core/imageTemplate/rules/replicationRegionsRule.ts';
import { GALLERY_IMAGE_ID, check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

const withTarget = (extra: object) => {
  const template = linuxTemplate();
  propertiesOf(template).distribute = [{ type: 'SharedImage', galleryImageId: GALLERY_IMAGE_ID, runOutputName: 'g', ...extra }];
  return template;
};
const findingsFor = (extra: object) => check(replicationRegionsRule, withTarget(extra)).map((f) => [f.severity, f.path.slice(3).join('.'), f.message]);

test('well-formed target regions pass', () => {
  assert.deepEqual(findingsFor({ targetRegions: [{ name: 'westus2' }, { name: 'japaneast', replicaCount: 2 }, { name: "[parameters('r')]" }] }), []);
});

test('targetRegions and replicationRegions together is an error', () => {
  const findings = findingsFor({ targetRegions: [{ name: 'westus2' }], replicationRegions: ['eastus'] });
  assert.equal(findings[0][0], 'error');
  assert.equal(findings[0][1], 'replicationRegions');
});

test('replicationRegions alone is accepted with a deprecation note; storageAccountType needs it', () => {
  assert.deepEqual(findingsFor({ replicationRegions: ['eastus'], storageAccountType: 'Standard_LRS' }).map((f) => f[0]), ['info']);
  const [finding] = findingsFor({ targetRegions: [{ name: 'eastus' }], storageAccountType: 'Standard_LRS' });
  assert.deepEqual(finding.slice(0, 2), ['error', 'storageAccountType']);
});

test('region names: display names get the location name, junk and duplicates are flagged', () => {
  const findings = findingsFor({ targetRegions: [{ name: 'West US 2' }, { name: 'westus2' }, { name: 'west/us' }] });
  assert.deepEqual(findings, [
    ['warning', 'targetRegions.0.name', 'Write the region as its location name "westus2".'],
    ['warning', 'targetRegions.1.name', 'Region "westus2" is listed twice.'],
    ['error', 'targetRegions.2.name', '"west/us" is not a region name. Use the ARM location name, e.g. "westus2".'],
  ]);
});
