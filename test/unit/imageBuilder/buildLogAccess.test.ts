import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLogAuthForAccount, isBlobDataAccessRefused, isKeyAccessRefused } from '../../../src/core/imageBuilder/buildLogAccess.ts';

test('the account key is used unless the account has Shared Key turned off', () => {
  assert.equal(buildLogAuthForAccount({}), 'accountKey');
  assert.equal(buildLogAuthForAccount({ allowSharedKeyAccess: true }), 'accountKey');
  assert.equal(buildLogAuthForAccount({ allowSharedKeyAccess: false }), 'entraId');
});

test('a refused listKeys sends the reader to the user\'s token; other failures do not', () => {
  assert.equal(isKeyAccessRefused({ statusCode: 403, code: 'AuthorizationFailed' }), true);
  assert.equal(isKeyAccessRefused({ statusCode: 409, code: 'ScopeLocked' }), true);
  assert.equal(isKeyAccessRefused({ statusCode: 404, code: 'ResourceNotFound' }), false);
  assert.equal(isKeyAccessRefused(new Error('socket hang up')), false);
  assert.equal(isBlobDataAccessRefused({ statusCode: 403, code: 'AuthorizationPermissionMismatch' }), true);
  assert.equal(isBlobDataAccessRefused({ statusCode: 500 }), false);
});
