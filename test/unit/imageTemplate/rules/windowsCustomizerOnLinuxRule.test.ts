import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowsCustomizerOnLinuxRule } from '../../../../src/core/imageTemplate/rules/windowsCustomizerOnLinuxRule.ts';
import { check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

const WINDOWS_STEPS = [{ type: 'PowerShell', inline: ['dir'] }, { type: 'WindowsRestart' }, { type: 'WindowsUpdate' }];

test('Windows-only steps on a Linux Marketplace source are errors on their type', () => {
  const template = linuxTemplate();
  propertiesOf(template).customize = [{ type: 'Shell', inline: ['ls'] }, { type: 'File', sourceUri: 'https://x' }, ...WINDOWS_STEPS];
  const findings = check(windowsCustomizerOnLinuxRule, template);
  assert.deepEqual(findings.map((f) => f.path[2]), [2, 3, 4]);
  assert.equal(findings[0].message, 'A PowerShell step only runs on Windows, but the source image is Linux (Canonical:0001-com-ubuntu-server-jammy:22_04-lts). Use a Shell step instead.');
});

test('the same steps on a Windows source pass', () => {
  const template = linuxTemplate();
  propertiesOf(template).source = { type: 'PlatformImage', publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-g2', version: 'latest' };
  propertiesOf(template).customize = WINDOWS_STEPS;
  assert.deepEqual(check(windowsCustomizerOnLinuxRule, template), []);
});

test('a custom image is judged only when Azure told us its OS', () => {
  const template = linuxTemplate();
  propertiesOf(template).source = { type: 'ManagedImage', imageId: '/subscriptions/x/resourceGroups/r/providers/Microsoft.Compute/images/i' };
  propertiesOf(template).customize = WINDOWS_STEPS;
  assert.deepEqual(check(windowsCustomizerOnLinuxRule, template), []);
  assert.equal(check(windowsCustomizerOnLinuxRule, template, { sourceImage: { osType: 'Linux' } }).length, 3);
});

test('Windows-only in-VM validators are flagged too', () => {
  const template = linuxTemplate();
  propertiesOf(template).validate = { inVMValidations: [{ type: 'PowerShell', inline: ['dir'] }] };
  assert.deepEqual(check(windowsCustomizerOnLinuxRule, template).map((f) => f.path), [['properties', 'validate', 'inVMValidations', 0, 'type']]);
});
