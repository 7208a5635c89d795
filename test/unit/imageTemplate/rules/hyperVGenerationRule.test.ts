import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hyperVGenerationRule } from '../../../../src/core/imageTemplate/rules/hyperVGenerationRule.ts';
import { generationFromSku } from '../../../../src/core/imageTemplate/sourceImageTraits.ts';
import { GALLERY_IMAGE_ID, check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

const withSku = (sku: string) => {
  const template = linuxTemplate();
  (propertiesOf(template).source as Record<string, unknown>).sku = sku;
  return template;
};
const target = (hyperVGeneration: 'V1' | 'V2') => ({ galleryImageDefinitions: { [GALLERY_IMAGE_ID]: { hyperVGeneration } } });

test('SKU names from the article: 18_04-lts-gen2 and *-g2 are Gen2, 18.04-lts is unknown from its name', () => {
  assert.equal(generationFromSku('18_04-lts-gen2'), 'V2');
  assert.equal(generationFromSku('win11-22h2-pro-g2'), 'V2');
  assert.equal(generationFromSku('2019-datacenter-gensecond'), 'V2');
  assert.equal(generationFromSku('18.04-LTS'), undefined);
  assert.equal(generationFromSku('7_9-gen1'), 'V1');
});

test('a valid Gen2 gallery template says nothing, with or without facts about the definition', () => {
  assert.deepEqual(check(hyperVGenerationRule, withSku('18_04-lts-gen2'), target('V2')), []);
  assert.deepEqual(check(hyperVGenerationRule, withSku('18_04-lts-gen2')), []);
});

test('a Gen2 source on a Gen1-only build VM size is an error at vmSize; Gen1 sources and Gen2 sizes pass', () => {
  const template = withSku('22_04-lts-gen2');
  propertiesOf(template).vmProfile = { vmSize: 'Standard_A2_v2' };
  const [finding] = check(hyperVGenerationRule, template);
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.path, ['properties', 'vmProfile', 'vmSize']);
  assert.match(finding.message, /Standard_A2_v2 runs only Hyper-V generation 1 VMs, but the source image is Gen2 \(from SKU "22_04-lts-gen2"\)/);
  propertiesOf(template).vmProfile = { vmSize: 'Standard_D2ds_v4' };
  assert.deepEqual(check(hyperVGenerationRule, template), []);
  const gen1 = withSku('22_04-lts');
  propertiesOf(gen1).vmProfile = { vmSize: 'Standard_A2_v2' };
  assert.deepEqual(check(hyperVGenerationRule, gen1), []);
});

test('a Gen2 SKU with a V1 definition is an error', () => {
  const [finding] = check(hyperVGenerationRule, withSku('22_04-lts-gen2'), target('V1'));
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.path, ['properties', 'distribute', 0, 'galleryImageId']);
  assert.match(finding.message, /generation V2 \(from SKU "22_04-lts-gen2"\) but this image definition is V1/);
});

test('the generation Azure reports for the source wins over the SKU name', () => {
  const findings = check(hyperVGenerationRule, withSku('18.04-LTS'), { sourceImage: { hyperVGeneration: 'V1' }, ...target('V2') });
  assert.match(findings[0].message, /generation V1 \(from Azure\)/);
  assert.deepEqual(check(hyperVGenerationRule, withSku('18.04-LTS'), target('V2')), []);
});
