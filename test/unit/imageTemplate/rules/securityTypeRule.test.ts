import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImageSecurityType } from '../../../../src/core/imageTemplate/imageTemplateFacts.ts';
import { securityTypeRule } from '../../../../src/core/imageTemplate/rules/securityTypeRule.ts';
import { GALLERY_IMAGE_ID, check, linuxTemplate } from '../templateBuilders.ts';

const withSecurity = (source: ImageSecurityType | undefined, target: ImageSecurityType | undefined) =>
  check(securityTypeRule, linuxTemplate(), {
    ...(source ? { sourceImage: { securityType: source } } : {}),
    ...(target ? { galleryImageDefinitions: { [GALLERY_IMAGE_ID.toUpperCase()]: { securityType: target } } } : {}),
  });

test('supported pairs pass: TrustedLaunchSupported to TrustedLaunchSupported, Standard to Standard', () => {
  assert.deepEqual(withSecurity('TrustedLaunchSupported', 'TrustedLaunchSupported'), []);
  assert.deepEqual(withSecurity('Standard', 'Standard'), []);
  assert.deepEqual(withSecurity('ConfidentialVMSupported', undefined), []);
});

test('nothing is said without facts from Azure', () => {
  assert.deepEqual(withSecurity(undefined, 'TrustedLaunchSupported'), []);
  assert.deepEqual(withSecurity('TrustedLaunchSupported', undefined), []);
});

test('TrustedLaunch and ConfidentialVM images cannot be sources', () => {
  for (const type of ['TrustedLaunch', 'ConfidentialVM'] as const) {
    const [finding] = withSecurity(type, 'Standard');
    assert.deepEqual(finding.path, ['properties', 'source', 'type']);
    assert.match(finding.message, new RegExp(`security type ${type}, which VM Image Builder can't use as a source\\. Use a ${type}Supported image`));
  }
});

test('a TrustedLaunchSupported source needs a TrustedLaunchSupported target (a regular Gen2 one is unsupported)', () => {
  const [finding] = withSecurity('TrustedLaunchSupported', 'Standard');
  assert.deepEqual(finding.path, ['properties', 'distribute', 0, 'galleryImageId']);
  assert.match(finding.message, /must be TrustedLaunchSupported too/);
});

test('a normal source with a TrustedLaunchSupported target is unsupported', () => {
  const [finding] = withSecurity('Standard', 'TrustedLaunchSupported');
  assert.match(finding.message, /target image definition is TrustedLaunchSupported but the source is Standard/);
});
