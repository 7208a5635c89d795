import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distributeTargetsRule } from '../../../../src/core/imageTemplate/rules/distributeTargetsRule.ts';
import { validateImageTemplateText } from '../../../../src/core/imageTemplate/validateImageTemplateText.ts';
import { check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

test('one target, or an expression producing them, passes', () => {
  assert.deepEqual(check(distributeTargetsRule, linuxTemplate()), []);
  const template = linuxTemplate();
  propertiesOf(template).distribute = "[parameters('targets')]";
  assert.deepEqual(check(distributeTargetsRule, template), []);
});

test('an empty or missing "distribute" is an error', () => {
  for (const distribute of [[], undefined]) {
    const template = linuxTemplate();
    propertiesOf(template).distribute = distribute;
    const [finding] = check(distributeTargetsRule, template);
    assert.deepEqual(finding.path, ['properties', 'distribute']);
    assert.match(finding.message, /at least one distribution target/);
  }
});

test('in the editor the rule\'s message replaces the schema\'s for the same place (one finding, not two)', () => {
  const template = linuxTemplate();
  propertiesOf(template).distribute = [];
  const findings = validateImageTemplateText(JSON.stringify(template, null, 2)).filter((f) => f.path.includes('distribute'));
  assert.deepEqual(findings.map((f) => f.rule), ['distribute-targets']);
});
