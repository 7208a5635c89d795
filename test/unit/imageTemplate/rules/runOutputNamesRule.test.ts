import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runOutputNamesRule } from '../../../../src/core/imageTemplate/rules/runOutputNamesRule.ts';
import { check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

const withOutputs = (...names: unknown[]) => {
  const template = linuxTemplate();
  propertiesOf(template).distribute = names.map((runOutputName) => ({ type: 'VHD', runOutputName }));
  return template;
};

test('distinct valid names and expressions pass', () => {
  assert.deepEqual(check(runOutputNamesRule, withOutputs('vhd-1', 'vhd_2.x', "[parameters('n')]", "[parameters('n')]")), []);
});

test('a name used twice (in any case) is an error on the second', () => {
  const findings = check(runOutputNamesRule, withOutputs('output', 'other', 'Output'));
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0].path, ['properties', 'distribute', 2, 'runOutputName']);
  assert.equal(findings[0].message, 'Run output name "Output" is already used by another target ("output"). Each target needs its own name.');
});

test('invalid names are errors', () => {
  const findings = check(runOutputNamesRule, withOutputs('has space', 'x'.repeat(65), ''));
  assert.equal(findings.length, 3);
  assert.ok(findings.every((f) => f.severity === 'error' && /not valid/.test(f.message)));
});
