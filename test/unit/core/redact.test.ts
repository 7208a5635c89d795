import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeUrlWithoutSecrets, redactSecrets } from '../../../src/core/redact.ts';

const sas = 'https://md-abc.blob.core.windows.net/xyz/abcd?sv=2018-03-28&sr=b&si=grant-1&sig=AbCd%2Bef%3D&se=2026-12-01T00%3A00%3A00Z';

test('a SAS URL keeps its host and path but loses its signature', () => {
  const out = redactSecrets(`downloading ${sas} now`);
  assert.ok(!out.includes('AbCd'), out);
  assert.ok(out.includes('https://md-abc.blob.core.windows.net/xyz/abcd?'), out);
  assert.match(out, /sig=<redacted>/);
});

test('bearer tokens, JWTs and account keys are removed', () => {
  const jwt = 'eyJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL20ifQ.c2ln';
  assert.equal(redactSecrets(`Authorization: Bearer ${jwt}`), 'Authorization: Bearer <redacted>');
  assert.equal(redactSecrets(`token ${jwt} end`), 'token <redacted-jwt> end');
  assert.equal(redactSecrets('AccountKey=Eby8vdM02xNO==;Blob'), 'AccountKey=<redacted>;Blob');
});

test('JSON bodies lose the values of secret fields', () => {
  const body = JSON.stringify({ accessSAS: sas, name: 'disk1' });
  const out = redactSecrets(body);
  assert.ok(!out.includes('AbCd'));
  assert.ok(out.includes('"name":"disk1"'));
});

test('a URL for display drops its whole query', () => {
  assert.equal(describeUrlWithoutSecrets(sas), 'https://md-abc.blob.core.windows.net/xyz/abcd?<redacted>');
  assert.equal(describeUrlWithoutSecrets('https://h/p'), 'https://h/p');
});
