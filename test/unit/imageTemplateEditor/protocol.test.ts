// Messages are narrowed on receipt: what fits the protocol passes (with nothing extra), anything else is dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHostMessage, readPageMessage, type EditorState } from '../../../src/webview/protocol.ts';
import { STRINGS } from './formHelpers.ts';

const STATE: EditorState = {
  documentVersion: 4, templates: [{ label: 'a' }], selected: 0, resource: { location: 'westus2' }, embedding: 'document',
  findings: [{ rule: 'schema', severity: 'error', message: 'm', path: ['properties', 'customize', 0] }], otherFindingCount: 0,
};

test('known page commands and requests pass, with only their known fields', () => {
  const edit = { kind: 'command', method: 'applyEdits', params: { documentVersion: 2, edits: [{ op: 'set', path: ['location'], value: 'x' }] }, extra: 1 };
  assert.deepEqual(readPageMessage(edit), { kind: 'command', method: 'applyEdits', params: { documentVersion: 2, edits: [{ op: 'set', path: ['location'], value: 'x' }] } });
  assert.deepEqual(readPageMessage({ kind: 'command', method: 'selectTemplate', params: { index: 1 } }), { kind: 'command', method: 'selectTemplate', params: { index: 1 } });
  assert.deepEqual(readPageMessage({ kind: 'command', method: 'showText', params: { beside: true, path: ['a', 0] } }), { kind: 'command', method: 'showText', params: { beside: true, path: ['a', 0] } });
  assert.deepEqual(readPageMessage({ kind: 'command', method: 'createTemplate' }), { kind: 'command', method: 'createTemplate', params: {} });
  assert.deepEqual(readPageMessage({ kind: 'request', id: 7, method: 'getInitialState', params: {} }), { kind: 'request', id: 7, method: 'getInitialState', params: {} });
  for (const op of [
    { op: 'remove', path: ['a'] }, { op: 'insert', path: ['a'], index: 0, value: {} }, { op: 'move', path: ['a'], from: 0, to: 1 },
    { op: 'renameKey', path: ['identity', 'userAssignedIdentities'], from: '/a', to: '/b' },
  ]) assert.ok(readPageMessage({ kind: 'command', method: 'applyEdits', params: { documentVersion: 0, edits: [op] } }), op.op);
});

test('unknown or malformed page messages are rejected', () => {
  const bad: unknown[] = [
    undefined, null, 'applyEdits', [], { kind: 'command' }, { kind: 'command', method: 'runScript', params: {} },
    { kind: 'command', method: 'applyEdits', params: { documentVersion: 1, edits: [] } },
    { kind: 'command', method: 'applyEdits', params: { documentVersion: 1, edits: [{ op: 'eval', path: [] }] } },
    { kind: 'command', method: 'applyEdits', params: { documentVersion: 1, edits: [{ op: 'set', path: [{}], value: 1 }] } },
    { kind: 'command', method: 'applyEdits', params: { documentVersion: 1, edits: [{ op: 'set', path: ['a'], value: () => 1 }] } },
    { kind: 'command', method: 'applyEdits', params: { documentVersion: 1, edits: [{ op: 'set', path: ['a'], value: Number.NaN }] } },
    { kind: 'command', method: 'applyEdits', params: { documentVersion: 1, edits: [{ op: 'set', path: ['a', -1], value: 1 }] } },
    { kind: 'command', method: 'applyEdits', params: { documentVersion: 1, edits: [{ op: 'renameKey', path: [], from: 'a', to: '' }] } },
    { kind: 'command', method: 'selectTemplate', params: { index: '1' } },
    { kind: 'command', method: 'showText', params: { beside: 'yes' } },
    { kind: 'request', id: -1, method: 'getInitialState', params: {} },
    { kind: 'request', id: 1, method: 'deleteEverything', params: {} },
    { kind: 'notification', method: 'didChangeState', params: STATE },
  ];
  for (const message of bad) assert.equal(readPageMessage(message), undefined, JSON.stringify(message) ?? String(message));
});

test('host messages: state, findings and responses are narrowed the same way', () => {
  assert.deepEqual(readHostMessage({ kind: 'notification', method: 'didChangeState', params: STATE }), { kind: 'notification', method: 'didChangeState', params: STATE });
  const validated = { kind: 'notification', method: 'didValidate', params: { documentVersion: 5, findings: STATE.findings, otherFindingCount: 2 } };
  assert.deepEqual(readHostMessage(validated), validated);
  const response = { kind: 'response', id: 1, method: 'getInitialState', result: { strings: STRINGS, state: STATE } };
  assert.deepEqual(readHostMessage(response), response);
  assert.deepEqual(readHostMessage({ kind: 'response', id: 1, method: 'getInitialState', error: 'boom' }), { kind: 'response', id: 1, method: 'getInitialState', error: 'boom' });

  const { title: _missing, ...withoutTitle } = STRINGS;
  const bad: unknown[] = [
    { kind: 'notification', method: 'didChangeState', params: { ...STATE, selected: 3 } },
    { kind: 'notification', method: 'didChangeState', params: { ...STATE, readOnly: 'because' } },
    { kind: 'notification', method: 'didChangeState', params: { ...STATE, findings: [{ rule: 'x', severity: 'fatal', message: '', path: [] }] } },
    { kind: 'notification', method: 'didValidate', params: { documentVersion: 1, findings: 'none', otherFindingCount: 0 } },
    { kind: 'response', id: 1, method: 'getInitialState', result: { strings: withoutTitle, state: STATE } },
    { kind: 'notification', method: 'somethingNew', params: {} },
  ];
  for (const message of bad) assert.equal(readHostMessage(message), undefined, JSON.stringify(message));
});
