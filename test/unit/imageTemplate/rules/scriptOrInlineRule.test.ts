import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptOrInlineRule } from '../../../../src/core/imageTemplate/rules/scriptOrInlineRule.ts';
import { check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

const withSteps = (...customize: object[]) => {
  const template = linuxTemplate();
  propertiesOf(template).customize = customize;
  return template;
};

test('a Shell step with only inline or only scriptUri passes', () => {
  assert.deepEqual(check(scriptOrInlineRule, withSteps({ type: 'Shell', inline: ['ls'] }, { type: 'Shell', scriptUri: 'https://x/s.sh' })), []);
});

test('a Shell step with both is an error on "inline"', () => {
  const [finding] = check(scriptOrInlineRule, withSteps({ type: 'Shell', inline: ['ls'], scriptUri: 'https://x/s.sh' }));
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.path, ['properties', 'customize', 0, 'inline']);
  assert.equal(finding.message, 'A Shell step takes either "scriptUri" or "inline", not both. Remove one of them.');
});

test('a Shell step with neither (or an empty inline list) has nothing to run', () => {
  const findings = check(scriptOrInlineRule, withSteps({ type: 'File' }, { type: 'Shell', name: 'x' }, { type: 'Shell', inline: [] }));
  assert.deepEqual(findings.map((f) => f.path), [['properties', 'customize', 1, 'type'], ['properties', 'customize', 2, 'type']]);
  assert.match(findings[0].message, /nothing to run/);
});

test('PowerShell steps and in-VM validators follow the same rule', () => {
  const template = withSteps({ type: 'PowerShell' });
  propertiesOf(template).validate = { inVMValidations: [{ type: 'Shell', inline: ['true'], scriptUri: 'https://x' }] };
  const findings = check(scriptOrInlineRule, template);
  assert.deepEqual(findings.map((f) => f.path), [['properties', 'customize', 0, 'type'], ['properties', 'validate', 'inVMValidations', 0, 'inline']]);
});
