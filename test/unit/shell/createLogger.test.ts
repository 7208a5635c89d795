import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { createLogger } from '../../../src/shell/createLogger.ts';

function fakeChannel() {
  const lines: string[] = [];
  const record = (m: string) => void lines.push(m);
  return { lines, channel: { trace: record, info: record, warn: record, error: record } as unknown as vscode.LogOutputChannel };
}

test("an error row's failure reaches the log whole: message, request ids and stack, with secrets redacted", () => {
  const { lines, channel } = fakeChannel();
  const error = Object.assign(new Error('GET https://acct.blob.core.windows.net/c/d.vhd?sv=2024&sig=SECRETSIG failed: AuthorizationFailed'), {
    name: 'RestError',
    request: { requestId: 'client-req-1' },
    response: { headers: { get: (name: string) => ({ 'x-ms-request-id': 'arm-req-2', 'x-ms-correlation-request-id': 'corr-3' })[name] } },
  });
  createLogger(channel).error('Shown as an error row: Could not list Disks', error);
  assert.equal(lines.length, 1);
  const text = lines[0];
  assert.match(text, /^Shown as an error row: Could not list Disks: RestError: GET https:\/\/acct\.blob\.core\.windows\.net\/c\/d\.vhd\?/);
  assert.match(text, /client request id client-req-1, x-ms-request-id arm-req-2, x-ms-correlation-request-id corr-3/);
  assert.match(text, /\n\s+at /, 'the stack is kept');
  assert.ok(!text.includes('SECRETSIG'), text);
});

test('a thrown non-Error is logged as JSON', () => {
  const { lines, channel } = fakeChannel();
  createLogger(channel).error('Listing failed', { code: 'Conflict', message: 'Busy' });
  assert.deepEqual(lines, ['Listing failed: {"code":"Conflict","message":"Busy"}']);
});
