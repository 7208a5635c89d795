// The short API rules: PowerShell elevation, isolated-build VNet settings, api-version note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiVersionRule } from '../../../../src/core/imageTemplate/rules/apiVersionRule.ts';
import { powerShellElevationRule } from '../../../../src/core/imageTemplate/rules/powerShellElevationRule.ts';
import { vnetConfigRule } from '../../../../src/core/imageTemplate/rules/vnetConfigRule.ts';
import { check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

const SUBNETS = '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/vnet/subnets';

test('runAsSystem needs runElevated', () => {
  const template = linuxTemplate();
  propertiesOf(template).customize = [
    { type: 'PowerShell', inline: ['x'], runAsSystem: true, runElevated: true },
    { type: 'PowerShell', inline: ['x'], runAsSystem: true },
  ];
  const findings = check(powerShellElevationRule, template);
  assert.deepEqual(findings.map((f) => f.path), [['properties', 'customize', 1, 'runAsSystem']]);
});

test('containerInstanceSubnetId needs subnetId on the same VNet and no proxyVmSize', () => {
  const withVnet = (vnetConfig: object) => {
    const template = linuxTemplate();
    propertiesOf(template).vmProfile = { vnetConfig };
    return check(vnetConfigRule, template).map((f) => f.path.at(-1));
  };
  assert.deepEqual(withVnet({ subnetId: `${SUBNETS}/build`, containerInstanceSubnetId: `${SUBNETS}/aci` }), []);
  assert.deepEqual(withVnet({ subnetId: `${SUBNETS}/build`, proxyVmSize: 'Standard_A2_v2' }), []);
  assert.deepEqual(withVnet({ containerInstanceSubnetId: `${SUBNETS}/aci` }), ['containerInstanceSubnetId']);
  assert.deepEqual(withVnet({ subnetId: `${SUBNETS}/build`, containerInstanceSubnetId: `${SUBNETS.replace('vnet', 'other')}/aci` }), ['containerInstanceSubnetId']);
  assert.deepEqual(withVnet({ subnetId: `${SUBNETS}/build`, containerInstanceSubnetId: `${SUBNETS}/aci`, proxyVmSize: 'Standard_A2_v2' }), ['proxyVmSize']);
});

test('an api-version other than 2025-10-01 gets an info note', () => {
  assert.deepEqual(check(apiVersionRule, { ...linuxTemplate(), apiVersion: '2025-10-01' }), []);
  const [note] = check(apiVersionRule, { ...linuxTemplate(), apiVersion: '2022-07-01' });
  assert.equal(note.severity, 'info');
});
