import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { computeTextEdit, detectFormatting, minimalReplacement } from '../../../src/features/imageTemplateEditor/computeTextEdit.ts';
import type { FormEdit } from '../../../src/webview/protocol.ts';

const TEMPLATE = `{
  // Golden Ubuntu image, owned by the platform team
  "location": "westus2",
  "properties": {
    "customize": [
      { "type": "Shell", "name": "update",   "inline": ["sudo apt-get update"] }, // keep first
      {
        "type": "File",
        "name": "config" /* copied as is */
      }
    ],
    "distribute": []
  }
}
`;

/** Applies the one replacement to the original text, as the WorkspaceEdit does. */
function apply(text: string, edits: FormEdit[], basePath: (string | number)[] = []) {
  const result = computeTextEdit(text, basePath, edits);
  assert.ok(result.replacement, 'expected a change');
  const { offset, length, content } = result.replacement;
  const applied = text.slice(0, offset) + content + text.slice(offset + length);
  assert.equal(applied, result.text, 'the single replacement yields the full result');
  return { ...result, replacement: result.replacement };
}

test('setting a value replaces only that value; comments and odd spacing stay', () => {
  const { replacement, text } = apply(TEMPLATE, [{ op: 'set', path: ['location'], value: 'japaneast' }]);
  assert.deepEqual(replacement, { offset: TEMPLATE.indexOf('westus2'), length: 'westus2'.length, content: 'japaneast' });
  assert.equal(text, TEMPLATE.replace('westus2', 'japaneast'));
});

test('a nested property that does not exist yet is created with the file\'s indentation', () => {
  const { text, replacement } = apply(TEMPLATE, [{ op: 'set', path: ['properties', 'vmProfile', 'vnetConfig', 'subnetId'], value: '/s/1' }]);
  assert.equal(replacement.length, 0, 'pure insertion');
  assert.match(text, /\n {4}"vmProfile": \{\n {6}"vnetConfig": \{\n {8}"subnetId": "\/s\/1"\n {6}\}\n {4}\}/);
  assert.ok(text.includes('// keep first') && text.includes('/* copied as is */'));
  assert.deepEqual(parse(text).properties.vmProfile, { vnetConfig: { subnetId: '/s/1' } });
});

test('removing an item and inserting one touch only the list', () => {
  const removed = apply(TEMPLATE, [{ op: 'remove', path: ['properties', 'customize', 0] }]);
  assert.deepEqual(parse(removed.text).properties.customize.map((c: { name: string }) => c.name), ['config']);
  assert.ok(removed.text.startsWith(TEMPLATE.slice(0, TEMPLATE.indexOf('{ "type": "Shell"'))));
  const inserted = apply(TEMPLATE, [{ op: 'insert', path: ['properties', 'distribute'], index: 0, value: { type: 'VHD', runOutputName: 'vhd' } }]);
  assert.deepEqual(parse(inserted.text).properties.distribute, [{ type: 'VHD', runOutputName: 'vhd' }]);
  assert.ok(inserted.text.includes('"name": "config" /* copied as is */'));
});

test('moving a step moves its exact text (its own formatting and inner comments go with it)', () => {
  const { text } = apply(TEMPLATE, [{ op: 'move', path: ['properties', 'customize'], from: 1, to: 0 }]);
  assert.deepEqual(parse(text).properties.customize.map((c: { name: string }) => c.name), ['config', 'update']);
  assert.ok(text.includes('{ "type": "Shell", "name": "update",   "inline": ["sudo apt-get update"] }'));
  assert.ok(text.includes('"name": "config" /* copied as is */'));
});

test('renaming an identity key changes just the key', () => {
  const text = '{ "identity": { "type": "UserAssigned", "userAssignedIdentities": { "/old": {} } } }';
  const { replacement } = apply(text, [{ op: 'renameKey', path: ['identity', 'userAssignedIdentities'], from: '/old', to: '/new' }]);
  assert.deepEqual(replacement, { offset: text.indexOf('"/old"') + 2, length: 3, content: 'new' });
});

test('paths are relative to the template inside a deployment template', () => {
  const deployment = '{\n  "resources": [\n    { "type": "x" },\n    { "type": "Microsoft.VirtualMachineImages/imageTemplates", "location": "a" }\n  ]\n}';
  const { text } = apply(deployment, [{ op: 'set', path: ['location'], value: 'b' }], ['resources', 1]);
  assert.equal(parse(text).resources[1].location, 'b');
  assert.equal(parse(text).resources[0].location, undefined);
});

test('several edits become one replacement', () => {
  const { text } = apply(TEMPLATE, [
    { op: 'set', path: ['location'], value: 'eastus' },
    { op: 'set', path: ['properties', 'customize', 1, 'destination'], value: '/tmp/c' },
  ]);
  assert.equal(parse(text).location, 'eastus');
  assert.equal(parse(text).properties.customize[1].destination, '/tmp/c');
});

test('an edit through an ARM expression or a missing list is skipped, not forced', () => {
  const text = '{ "properties": { "vmProfile": "[variables(\'vm\')]" } }';
  const result = computeTextEdit(text, [], [
    { op: 'set', path: ['properties', 'vmProfile', 'vmSize'], value: 'Standard_D2s_v5' },
    { op: 'insert', path: ['properties', 'customize'], index: 0, value: {} },
    { op: 'move', path: ['properties', 'customize'], from: 0, to: 1 },
  ]);
  assert.equal(result.replacement, undefined);
  assert.equal(result.skipped.length, 3);
  assert.equal(result.text, text);
});

test('removing something already gone and setting the same value change nothing', () => {
  assert.equal(computeTextEdit(TEMPLATE, [], [{ op: 'remove', path: ['nope'] }]).replacement, undefined);
  assert.equal(computeTextEdit(TEMPLATE, [], [{ op: 'set', path: ['location'], value: 'westus2' }]).replacement, undefined);
});

test('formatting follows the file: tabs, four spaces, CRLF', () => {
  assert.deepEqual(detectFormatting('{\n\t"a": 1\n}'), { insertSpaces: false, tabSize: 4, eol: '\n' });
  assert.deepEqual(detectFormatting('{\r\n    "a": 1\r\n}'), { insertSpaces: true, tabSize: 4, eol: '\r\n' });
  const crlf = '{\r\n    "a": 1\r\n}';
  const { text } = apply(crlf, [{ op: 'set', path: ['b'], value: { c: 2 } }]);
  assert.equal(text, '{\r\n    "a": 1,\r\n    "b": {\r\n        "c": 2\r\n    }\r\n}');
});

test('the minimal replacement keeps the common prefix and suffix', () => {
  assert.deepEqual(minimalReplacement('abcXdef', 'abcYYdef'), { offset: 3, length: 1, content: 'YY' });
  assert.deepEqual(minimalReplacement('aaa', 'aaaa'), { offset: 3, length: 0, content: 'a' });
  assert.equal(minimalReplacement('same', 'same'), undefined);
});
