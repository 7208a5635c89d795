import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeAzureError, formatAzureError } from '../../../src/core/errors/describeAzureError.ts';

test("ARM's error code and message come from the parsed body of a RestError", () => {
  const error = Object.assign(new Error('Operation returned an invalid status code'), {
    name: 'RestError',
    statusCode: 409,
    code: 'Conflict',
    details: { error: { code: 'OperationNotAllowed', message: 'Disk is attached to a running VM.' } },
  });
  assert.equal(formatAzureError(error), 'OperationNotAllowed: Disk is attached to a running VM.');
  assert.equal(describeAzureError(error).needsSignIn, false);
});

test('the raw body is used when the SDK did not parse it', () => {
  const error = { statusCode: 404, response: { bodyAsText: '{"error":{"code":"ResourceNotFound","message":"The Resource was not found."}}' } };
  assert.equal(formatAzureError(error), 'ResourceNotFound: The Resource was not found.');
});

test('an expired token asks the user to sign in again', () => {
  const error = { statusCode: 401, details: { error: { code: 'ExpiredAuthenticationToken', message: 'The access token expiry has passed.' } } };
  assert.equal(describeAzureError(error).needsSignIn, true);
});

test('a credential error is one sentence, no stack', () => {
  const error = new Error('Please run \'az login\' to set up account.\n    at AzureCliCredential.getToken (x.js:1:1)');
  error.name = 'CredentialUnavailableError';
  const summary = describeAzureError(error);
  assert.equal(summary.message, "Please run 'az login' to set up account.");
  assert.equal(summary.needsSignIn, true);
});

test('a SAS URL inside an error message is redacted', () => {
  const error = new Error('GET https://a.blob.core.windows.net/c/b?sv=1&sig=SECRET failed');
  assert.ok(!formatAzureError(error).includes('SECRET'));
});

test('anything thrown becomes readable text', () => {
  assert.equal(formatAzureError('boom'), 'boom');
  assert.equal(formatAzureError(undefined), 'undefined');
});

test('the body kept on the request wins over a generic paging message', () => {
  const request = {};
  Object.defineProperty(request, 'armErrorBody', { value: { code: 'InternalServerError', message: 'Injected.' }, enumerable: false });
  const error = { name: 'RestError', code: 'InternalServerError', statusCode: 500, message: 'Pagination failed with unexpected statusCode 500', request };
  assert.equal(formatAzureError(error), 'InternalServerError: Injected.');
});

test('our own localizable error reaches the user translated, its English kept as the message for the log', async () => {
  const { LocalizableError } = await import('../../../src/core/errors/LocalizableError.ts');
  const error = new LocalizableError('{0} is still registering; try again in a few minutes.', 'Microsoft.VirtualMachineImages');
  assert.equal(error.message, 'Microsoft.VirtualMachineImages is still registering; try again in a few minutes.');
  const ja = (m: string, ...args: Array<string | number | boolean>) => (m.startsWith('{0} is still registering') ? `${args[0]} はまだ登録中です。` : m);
  assert.deepEqual(describeAzureError(error, ja), { code: undefined, statusCode: undefined, message: 'Microsoft.VirtualMachineImages はまだ登録中です。', needsSignIn: false });
  assert.equal(describeAzureError(error).message, error.message);
});
