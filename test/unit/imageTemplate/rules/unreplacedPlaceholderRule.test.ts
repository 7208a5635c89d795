import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unreplacedPlaceholderRule } from '../../../../src/core/imageTemplate/rules/unreplacedPlaceholderRule.ts';
import { check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

test('a filled-in template, shell heredocs and ${VAR} in commands pass', () => {
  const template = linuxTemplate();
  propertiesOf(template).customize = [
    { type: 'Shell', inline: ['cat <<EOF > /tmp/x', 'echo ${HOME} <name>'] },
    { type: 'WindowsRestart', restartCheckCommand: "powershell -command \"& {Write-Output 'restarted.'}\"" },
  ];
  assert.deepEqual(check(unreplacedPlaceholderRule, template), []);
});

test('docs-style <placeholders> in values and in identity keys are errors', () => {
  const template = linuxTemplate();
  template.location = '<region1>';
  template.identity = { type: 'UserAssigned', userAssignedIdentities: { '/subscriptions/<subscriptionID>/resourcegroups/<rgName>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<imgBuilderId>': {} } };
  const findings = check(unreplacedPlaceholderRule, template);
  assert.deepEqual(findings.map((f) => [f.severity, f.path[0], f.target ?? 'value']), [['error', 'location', 'value'], ['error', 'identity', 'key']]);
  assert.equal(findings[1].message, 'Replace the placeholder <subscriptionID>, <rgName>, <imgBuilderId> with a real value.');
});

test('REST-reference-style {placeholders} are warnings; ARM expressions are left alone', () => {
  const template = linuxTemplate();
  propertiesOf(template).stagingResourceGroup = '/subscriptions/{subscription-id}/resourceGroups/x';
  propertiesOf(template).vmProfile = { vmSize: "[format('{0}', parameters('size'))]" };
  const findings = check(unreplacedPlaceholderRule, template);
  assert.deepEqual(findings.map((f) => [f.severity, f.path.join('.')]), [['warning', 'properties.stagingResourceGroup']]);
});
