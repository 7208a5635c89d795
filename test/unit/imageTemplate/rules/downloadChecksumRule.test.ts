import { test } from 'node:test';
import assert from 'node:assert/strict';
import { downloadChecksumRule } from '../../../../src/core/imageTemplate/rules/downloadChecksumRule.ts';
import { check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

const SHA = 'fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9';

test('downloads with a checksum over https pass; inline steps need none', () => {
  const template = linuxTemplate();
  propertiesOf(template).customize = [
    { type: 'Shell', inline: ['ls'] },
    { type: 'Shell', scriptUri: 'https://x/s.sh', sha256Checksum: SHA },
    { type: 'File', sourceUri: 'https://x/f', sha256Checksum: SHA, destination: '/tmp/f' },
    { type: 'Shell', scriptUri: "[parameters('script')]" },
  ];
  assert.deepEqual(check(downloadChecksumRule, template), []);
});

test('a script, a File source, a validator and the workload script without checksum are warnings on the URI', () => {
  const template = linuxTemplate();
  propertiesOf(template).customize = [{ type: 'Shell', scriptUri: 'https://x/s.sh' }, { type: 'File', sourceUri: 'https://x/f', sha256Checksum: '' }];
  propertiesOf(template).validate = { inVMValidations: [{ type: 'Shell', scriptUri: 'https://x/v.sh' }] };
  propertiesOf(template).optimize = { workload: { state: 'Enabled', scriptUri: 'https://x/w.sh' } };
  const findings = check(downloadChecksumRule, template);
  assert.deepEqual(findings.map((f) => [f.severity, ...f.path]), [
    ['warning', 'properties', 'customize', 0, 'scriptUri'],
    ['warning', 'properties', 'customize', 1, 'sourceUri'],
    ['warning', 'properties', 'validate', 'inVMValidations', 0, 'scriptUri'],
    ['warning', 'properties', 'optimize', 'workload', 'scriptUri'],
  ]);
  assert.match(findings[0].message, /sha256Checksum/);
});

test('plain http downloads are flagged even with a checksum', () => {
  const template = linuxTemplate();
  propertiesOf(template).customize = [{ type: 'Shell', scriptUri: 'http://x/s.sh', sha256Checksum: SHA }];
  const [finding] = check(downloadChecksumRule, template);
  assert.match(finding.message, /plain http/);
});
