// Path -> form field: each finding of the validator shows up next to the field (or item, or section) it is about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { validateImageTemplateText } from '../../../src/core/imageTemplate/validateImageTemplateText.ts';
import { buildFormView } from '../../../src/webview/page/buildFormView.ts';
import { anchorForPath, findingAnchors, groupFindingsByAnchor } from '../../../src/webview/page/fieldForPath.ts';
import { pathKey } from '../../../src/webview/page/formModel.ts';
import { fieldsOf, listAt, STRINGS } from './formHelpers.ts';

const fixture = readFileSync(join(import.meta.dirname, '../imageTemplate/fixtures/ubuntuGallery.imagetemplate.json'), 'utf8');

test('the form shows every part of the template the issue lists, with the values from the file', () => {
  const fields = fieldsOf(buildFormView(parse(fixture), STRINGS));
  const value = (...path: (string | number)[]) => fields.get(pathKey(path))?.value;
  assert.equal(value('identity', 'userAssignedIdentities', '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/images-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib-identity'),
    '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/images-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib-identity');
  assert.equal(value('properties', 'source', 'type'), 'PlatformImage');
  assert.equal(value('properties', 'source', 'sku'), '22_04-lts-gen2');
  assert.equal(fields.get(pathKey(['properties', 'source', 'sku']))?.hint, '<genV2>', 'Gen2 hint from the SKU name');
  assert.equal(value('properties', 'customize', 0, 'inline'), 'sudo apt-get update\nsudo apt-get install -y nginx\ncat <<EOF > /tmp/motd\necho ${HOME}');
  assert.equal(value('properties', 'customize', 1, 'destination'), '/tmp/nginx.conf');
  assert.equal(value('properties', 'customize', 2, 'scriptUri'), 'https://raw.githubusercontent.com/example/config/main/harden.sh');
  assert.equal(value('properties', 'distribute', 0, 'targetRegions', 1, 'name'), 'japanwest');
  assert.equal(value('properties', 'distribute', 0, 'targetRegions', 0, 'storageAccountType'), 'Standard_ZRS');
  assert.equal(value('properties', 'distribute', 1, 'runOutputName'), 'ubuntu-vhd');
  assert.equal(value('properties', 'vmProfile', 'osDiskSizeGB'), '64');
  assert.equal(value('properties', 'vmProfile', 'vnetConfig', 'subnetId')?.toString().endsWith('/subnets/build'), true);
  assert.equal(value('properties', 'buildTimeoutInMinutes'), '120');
  assert.equal(value('properties', 'optimize', 'vmBoot', 'state'), true);
  assert.equal(value('properties', 'validate', 'continueDistributeOnFailure'), false);
});

test('fields under an ARM expression are read-only and lists set by an expression cannot be edited item by item', () => {
  const deployment = parse(readFileSync(join(import.meta.dirname, '../imageTemplate/fixtures/deploymentWithExpressions.json'), 'utf8'));
  const view = buildFormView(deployment.resources[1], STRINGS);
  const fields = fieldsOf(view);
  assert.equal(fields.get(pathKey(['properties', 'vmProfile', 'vmSize']))?.readOnly, true);
  assert.equal(fields.get(pathKey(['properties', 'buildTimeoutInMinutes']))?.value, "[parameters('buildTimeout')]");
  assert.equal(fields.get(pathKey(['properties', 'customize', 0, 'inline']))?.value, "[parameters('commands')]");
  const distribute = view.sections.find((s) => s.key === pathKey(['properties', 'distribute']))!.blocks[0];
  assert.ok(distribute.block === 'list');
  const regions = distribute.items[0].blocks.find((b) => b.block === 'list');
  assert.ok(regions?.block === 'list' && regions.note?.includes('<setByExpression>') && regions.addChoices.length === 0);
});

test('each finding of the validator lands at the field of its path', () => {
  const text = JSON.stringify({
    location: 'westus2',
    properties: {
      source: { type: 'PlatformImage', publisher: 'Canonical', offer: 'ubuntu', sku: '22_04-lts-gen2', version: 'latest' },
      customize: [{ type: 'Shell', name: 'both', scriptUri: 'https://example.com/a.sh', inline: ['ls'] }],
      distribute: [{ type: 'SharedImage', runOutputName: 'x', galleryImageId: 'not-an-id', targetRegions: [{ name: 'westus2' }] }],
      buildTimeoutInMinutes: 'soon',
      vmProfile: { vmSize: 'Standard_A1_v2' },
    },
  }, null, 2);
  const findings = validateImageTemplateText(text).map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, path: f.path }));
  const grouped = groupFindingsByAnchor(findings, findingAnchors(buildFormView(JSON.parse(text), STRINGS)));
  const rulesAt = (...path: (string | number)[]) => (grouped.get(pathKey(path)) ?? []).map((f) => f.rule);
  assert.deepEqual(rulesAt('properties', 'customize', 0, 'inline'), ['script-or-inline']);
  assert.deepEqual(rulesAt('properties', 'customize', 0, 'scriptUri'), ['download-checksum']);
  assert.deepEqual(rulesAt('properties', 'distribute', 0, 'galleryImageId'), ['gallery-image-id']);
  assert.deepEqual(rulesAt('properties', 'vmProfile', 'vmSize'), ['hyper-v-generation'], 'a Gen1-only size for a Gen2 source');
  assert.deepEqual(rulesAt('properties', 'buildTimeoutInMinutes'), ['schema']);
  assert.deepEqual(rulesAt('identity'), ['identity-required'], 'a missing identity shows in the identity section');
  const placed = [...grouped.values()].reduce((n, list) => n + list.length, 0);
  assert.equal(placed, findings.length, 'no finding is lost');
});

test('a path the form has no field for goes to the nearest thing it shows', () => {
  const view = buildFormView(parse(fixture), STRINGS);
  const anchors = findingAnchors(view);
  assert.equal(anchorForPath(['properties', 'customize', 1, 'unknownProperty'], anchors), pathKey(['properties', 'customize', 1]));
  assert.equal(anchorForPath(['properties', 'distribute', 0, 'versioning', 'major'], anchors), pathKey(['properties', 'distribute', 0]));
  // In-VM validations are edited in the form: a finding on one lands at its field, or at its item.
  assert.equal(anchorForPath(['properties', 'validate', 'inVMValidations', 0, 'inline'], anchors), pathKey(['properties', 'validate', 'inVMValidations', 0, 'inline']));
  assert.equal(anchorForPath(['properties', 'validate', 'inVMValidations', 0, 'unknownProperty'], anchors), pathKey(['properties', 'validate', 'inVMValidations', 0]));
  assert.equal(anchorForPath(['properties', 'optimize', 'workload'], anchors), pathKey(['properties', 'validate']));
  assert.equal(anchorForPath(['properties', 'autoRun', 'state'], anchors), pathKey([]));
  assert.equal(anchorForPath(['apiVersion'], anchors), pathKey([]));
  assert.equal(anchorForPath([], anchors), pathKey([]));
});

test('in-VM validations are a list edited like customization steps (Shell, PowerShell, File)', () => {
  const resource = {
    type: 'Microsoft.VirtualMachineImages/imageTemplates', location: 'westus2',
    properties: { validate: { inVMValidations: [{ type: 'Shell', name: 'check-nginx', inline: ['systemctl is-active nginx'] }] } },
  };
  const validations = listAt(resource, ['properties', 'validate', 'inVMValidations'])!;
  assert.ok(validations, 'the list is in the form');
  assert.deepEqual(validations.addChoices.map((c) => (c.value as { type: string }).type), ['Shell', 'File', 'PowerShell']);
  assert.equal(validations.items.length, 1);
  const fields = fieldsOf(buildFormView(resource, STRINGS));
  assert.deepEqual(fields.get(JSON.stringify(['properties', 'validate', 'inVMValidations', 0, 'inline']))?.value, 'systemctl is-active nginx');
  assert.equal(fields.get(JSON.stringify(['properties', 'validate', 'inVMValidations', 0, 'name']))?.value, 'check-nginx');
});
