// Form change -> FormEdits -> text: what the user does in the form ends up in the file, and nothing else changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { computeTextEdit } from '../../../src/features/imageTemplateEditor/computeTextEdit.ts';
import { buildFormView } from '../../../src/webview/page/buildFormView.ts';
import { editsForInput, editsForListAction } from '../../../src/webview/page/editsForInput.ts';
import { pathKey, type ListView } from '../../../src/webview/page/formModel.ts';
import type { JsonValue } from '../../../src/webview/protocol.ts';
import { fieldsOf, listAt as findList, STRINGS } from './formHelpers.ts';

const fixture = readFileSync(join(import.meta.dirname, '../imageTemplate/fixtures/ubuntuGallery.imagetemplate.json'), 'utf8');

/** Types `input` into the field at `path` of `text` and returns the new text. */
function typeInto(text: string, path: (string | number)[], input: string | boolean): string {
  const resource = parse(text) as JsonValue;
  const field = fieldsOf(buildFormView(resource, STRINGS)).get(pathKey(path));
  assert.ok(field, `no field at ${pathKey(path)}`);
  return computeTextEdit(text, [], editsForInput(field, input, resource)).text;
}

function listAt(text: string, path: (string | number)[]): ListView {
  const list = findList(parse(text), path);
  assert.ok(list, `no list at ${pathKey(path)}`);
  return list;
}

/** The lines that differ between two texts (a line-level diff is enough to show "only this changed"). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.filter((line, i) => a[i] !== line);
}

test('typing in a text field changes that one line', () => {
  const after = typeInto(fixture, ['properties', 'vmProfile', 'vmSize'], 'Standard_D4ds_v5');
  assert.deepEqual(changedLines(fixture, after), ['      "vmSize": "Standard_D4ds_v5",']);
});

test('a number field writes a number; an ARM expression stays a string; clearing removes the property', () => {
  assert.equal(parse(typeInto(fixture, ['properties', 'buildTimeoutInMinutes'], '90')).properties.buildTimeoutInMinutes, 90);
  assert.equal(parse(typeInto(fixture, ['properties', 'buildTimeoutInMinutes'], "[parameters('t')]")).properties.buildTimeoutInMinutes, "[parameters('t')]");
  assert.equal('buildTimeoutInMinutes' in parse(typeInto(fixture, ['properties', 'buildTimeoutInMinutes'], '')).properties, false);
});

test('inline commands are one per line; trailing empty lines are dropped', () => {
  const after = typeInto(fixture, ['properties', 'customize', 0, 'inline'], 'echo one\necho two\n\n');
  assert.deepEqual(parse(after).properties.customize[0].inline, ['echo one', 'echo two']);
});

test('checkboxes: true is written, false removes the (default false) property; vmBoot uses Enabled', () => {
  const on = typeInto(fixture, ['properties', 'validate', 'sourceValidationOnly'], true);
  assert.equal(parse(on).properties.validate.sourceValidationOnly, true);
  const off = typeInto(fixture, ['properties', 'validate', 'continueDistributeOnFailure'], false);
  assert.equal('continueDistributeOnFailure' in parse(off).properties.validate, false);
  const boot = typeInto(fixture, ['properties', 'optimize', 'vmBoot', 'state'], false);
  assert.equal(parse(boot).properties.optimize.vmBoot.state, undefined);
});

test('changing a step type replaces the step, keeping its name', () => {
  const after = typeInto(fixture, ['properties', 'customize', 1, 'type'], 'Shell');
  assert.deepEqual(parse(after).properties.customize[1], { type: 'Shell', name: 'nginx config', inline: [] });
  assert.deepEqual(parse(after).properties.customize[0], parse(fixture).properties.customize[0]);
});

test('changing the source type starts a source of that type', () => {
  const after = typeInto(fixture, ['properties', 'source', 'type'], 'SharedImageVersion');
  assert.deepEqual(parse(after).properties.source, { type: 'SharedImageVersion', imageVersionId: '' });
});

test('the identity id is the key of userAssignedIdentities: editing renames it, a first one creates the identity', () => {
  const id = Object.keys(parse(fixture).identity.userAssignedIdentities)[0];
  const renamed = typeInto(fixture, ['identity', 'userAssignedIdentities', id], '/new/id');
  assert.deepEqual(parse(renamed).identity, { type: 'UserAssigned', userAssignedIdentities: { '/new/id': {} } });
  assert.deepEqual(changedLines(fixture, renamed), ['      "/new/id": {}']);
  const bare = '{\n  "location": "westus2",\n  "properties": {}\n}';
  const created = typeInto(bare, ['identity', 'userAssignedIdentities'], '/id/1');
  assert.deepEqual(parse(created).identity, { type: 'UserAssigned', userAssignedIdentities: { '/id/1': {} } });
});

test('steps can be added, reordered and removed', () => {
  const list = listAt(fixture, ['properties', 'customize']);
  const add = computeTextEdit(fixture, [], editsForListAction(list, { action: 'add', choice: 1 })).text;
  assert.deepEqual(parse(add).properties.customize[3], { type: 'File', name: '', sourceUri: '', destination: '' });
  const moved = computeTextEdit(fixture, [], editsForListAction(list, { action: 'move', index: 2, to: 1 })).text;
  assert.deepEqual(parse(moved).properties.customize.map((c: { name: string }) => c.name), ['install packages', 'hardening', 'nginx config']);
  const removed = computeTextEdit(fixture, [], editsForListAction(list, { action: 'remove', index: 0 })).text;
  assert.equal(parse(removed).properties.customize.length, 2);
  assert.deepEqual(editsForListAction(list, { action: 'move', index: 0, to: -1 }), [], 'the first step cannot move up');
});

test('typing the value the file already has changes nothing in the file', () => {
  assert.equal(typeInto(fixture, ['properties', 'vmProfile', 'vmSize'], 'Standard_D2ds_v4'), fixture);
  assert.equal(typeInto(fixture, ['properties', 'vmProfile', 'vnetConfig', 'subnetId'], parse(fixture).properties.vmProfile.vnetConfig.subnetId), fixture);
});

test('the first item of a missing list creates the list; gallery targets get replication regions', () => {
  const bare = '{\n  "properties": {}\n}';
  const targets = listAt(bare, ['properties', 'distribute']);
  const withGallery = computeTextEdit(bare, [], editsForListAction(targets, { action: 'add', choice: 1 })).text;
  assert.deepEqual(parse(withGallery).properties.distribute, [{ type: 'SharedImage', runOutputName: '', galleryImageId: '', targetRegions: [] }]);
  const regions = listAt(withGallery, ['properties', 'distribute', 0, 'targetRegions']);
  const withRegion = computeTextEdit(withGallery, [], editsForListAction(regions, { action: 'add', choice: 0 })).text;
  assert.deepEqual(parse(withRegion).properties.distribute[0].targetRegions, [{ name: '' }]);
  const named = typeInto(withRegion, ['properties', 'distribute', 0, 'targetRegions', 0, 'name'], 'japaneast');
  assert.equal(parse(named).properties.distribute[0].targetRegions[0].name, 'japaneast');
});

test('read-only fields produce no edits', () => {
  const resource = { properties: { vmProfile: "[variables('vm')]" } };
  const field = fieldsOf(buildFormView(resource, STRINGS)).get(pathKey(['properties', 'vmProfile', 'vmSize']))!;
  assert.equal(field.readOnly, true);
  assert.deepEqual(editsForInput(field, 'Standard_D2s_v5', resource), []);
});
