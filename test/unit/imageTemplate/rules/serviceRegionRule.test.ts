import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceRegionRule } from '../../../../src/core/imageTemplate/rules/serviceRegionRule.ts';
import { IMAGE_BUILDER_REGIONS } from '../../../../src/core/imageTemplate/serviceRegions.ts';
import { check, linuxTemplate } from '../templateBuilders.ts';

const at = (location: unknown) => check(serviceRegionRule, { ...linuxTemplate(), location });

test('the article lists 36 regions, and each passes (display names too)', () => {
  assert.equal(IMAGE_BUILDER_REGIONS.length, 36);
  for (const region of IMAGE_BUILDER_REGIONS.filter((r) => !r.previewFeature)) assert.deepEqual(at(region.name), [], region.name);
  assert.deepEqual(at('West US 2'), []);
  assert.deepEqual(at('Japan East'), []);
  assert.deepEqual(at('[resourceGroup().location]'), []);
});

test('a region where the service does not run is an error that lists where it does', () => {
  const [finding] = at('japanwest');
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.path, ['location']);
  assert.match(finding.message, /does not run in "japanwest".*japaneast.*Images can still be distributed to "japanwest"/);
});

test('preview regions say which feature to register', () => {
  const [fairfax] = at('usgovvirginia');
  assert.equal(fairfax.severity, 'info');
  assert.match(fairfax.message, /-Name FairfaxPublicPreview$/);
  const [mooncake] = at('chinanorth3');
  assert.match(mooncake.message, /-Name MooncakePublicPreview$/);
});
