import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourceIdFormatRule } from '../../../../src/core/imageTemplate/rules/resourceIdFormatRule.ts';
import { IDENTITY_ID, SUBSCRIPTION, check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

const RG = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg`;

test('well-formed source, target, identity and subnet ids pass (gallery, shared and community versions too)', () => {
  for (const imageVersionId of [
    `${RG}/providers/Microsoft.Compute/galleries/g/images/i/versions/latest`,
    `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Compute/locations/westus/sharedGalleries/abc-uniq/images/i/versions/1.0.0`,
    '/CommunityGalleries/pub-123/Images/i/Versions/latest',
  ]) {
    const template = linuxTemplate();
    propertiesOf(template).source = { type: 'SharedImageVersion', imageVersionId };
    propertiesOf(template).distribute = [{ type: 'ManagedImage', imageId: `${RG}/providers/Microsoft.Compute/images/out`, location: 'westus2', runOutputName: 'm' }];
    propertiesOf(template).vmProfile = { userAssignedIdentities: [IDENTITY_ID], vnetConfig: { subnetId: `${RG}/providers/Microsoft.Network/virtualNetworks/v/subnets/s` } };
    assert.deepEqual(check(resourceIdFormatRule, template), [], imageVersionId);
  }
});

test('malformed ids are errors showing the expected shape', () => {
  const template = linuxTemplate();
  propertiesOf(template).source = { type: 'ManagedImage', imageId: 'myImage' };
  template.identity = { type: 'UserAssigned', userAssignedIdentities: { 'aib-identity': {} } };
  propertiesOf(template).vmProfile = { vnetConfig: { subnetId: `${RG}/providers/Microsoft.Network/virtualNetworks/v` } };
  const findings = check(resourceIdFormatRule, template);
  assert.deepEqual(findings.map((f) => f.path.join('.')), [
    'properties.source.imageId',
    'identity.userAssignedIdentities.aib-identity',
    'properties.vmProfile.vnetConfig.subnetId',
  ]);
  assert.equal(findings[0].message, 'This is not a valid managed image resource id. Expected: /subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Compute/images/{imageName}');
  assert.equal(findings[1].target, 'key');
});
