import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identityRequiredRule } from '../../../../src/core/imageTemplate/rules/identityRequiredRule.ts';
import { check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';
import type { JsonObject } from '../../../../src/core/imageTemplate/templateAccess.ts';

const vhdOnly = (): JsonObject => {
  const template = linuxTemplate();
  propertiesOf(template).distribute = [{ type: 'VHD', runOutputName: 'vhd' }];
  delete template.identity;
  return template;
};

test('a gallery target with a user-assigned identity passes; a VHD-only build needs none', () => {
  assert.deepEqual(check(identityRequiredRule, linuxTemplate()), []);
  assert.deepEqual(check(identityRequiredRule, vhdOnly()), []);
});

test('a gallery or managed image target without identity is an error that says why', () => {
  const template = linuxTemplate();
  delete template.identity;
  const [finding] = check(identityRequiredRule, template);
  assert.deepEqual(finding.path, ['identity']);
  assert.match(finding.message, /needs it to write the Compute Gallery image version/);
  propertiesOf(template).distribute = [{ type: 'ManagedImage', imageId: 'x', location: 'westus', runOutputName: 'm' }];
  assert.match(check(identityRequiredRule, template)[0].message, /managed image/);
});

test('"None" or an empty identity list is not enough', () => {
  const none = linuxTemplate();
  none.identity = { type: 'None' };
  assert.deepEqual(check(identityRequiredRule, none)[0].path, ['identity', 'type']);
  const empty = linuxTemplate();
  empty.identity = { type: 'UserAssigned', userAssignedIdentities: {} };
  assert.deepEqual(check(identityRequiredRule, empty)[0].path, ['identity', 'userAssignedIdentities']);
});

test('a staging group, a VNet, a VHD in your storage or a private blob also need an identity', () => {
  const cases: ((t: JsonObject) => void)[] = [
    (t) => { propertiesOf(t).stagingResourceGroup = '/subscriptions/x/resourceGroups/staging'; },
    (t) => { propertiesOf(t).vmProfile = { vnetConfig: { subnetId: '/subscriptions/x/…' } }; },
    (t) => { propertiesOf(t).distribute = [{ type: 'VHD', runOutputName: 'v', uri: 'https://acct.blob.core.windows.net/vhds/a.vhd' }]; },
    (t) => { propertiesOf(t).customize = [{ type: 'Shell', scriptUri: 'https://acct.blob.core.windows.net/scripts/a.sh' }]; },
  ];
  for (const change of cases) {
    const template = vhdOnly();
    change(template);
    assert.equal(check(identityRequiredRule, template).length, 1, change.toString());
  }
  const withSas = vhdOnly();
  propertiesOf(withSas).customize = [{ type: 'Shell', scriptUri: 'https://acct.blob.core.windows.net/s/a.sh?sv=2022&sig=abc' }];
  assert.deepEqual(check(identityRequiredRule, withSas), []);
});

test('identities given by expressions are trusted', () => {
  const template = linuxTemplate();
  template.identity = { type: 'UserAssigned', userAssignedIdentities: "[variables('identities')]" };
  assert.deepEqual(check(identityRequiredRule, template), []);
});
