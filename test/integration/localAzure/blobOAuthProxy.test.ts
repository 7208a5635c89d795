// The staging accounts' https blob endpoint (storage/BlobOAuthProxy.ts), called raw: a bearer token is checked as
// Azure Storage checks it (signature, audience, lifetime, tenant -> 401 InvalidAuthenticationInfo with the
// challenge the SDK follows; role -> 403 AuthorizationPermissionMismatch), each request against the data action it
// needs; Shared Key requests go through unchanged. The SDK's view of the same endpoint: imageBuilder/buildLogAccess.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { issueToken } from '../../azure-local/arm/tokens.ts';
import { CONTOSO_TENANT, FABRIKAM_TENANT, PROD_SUBSCRIPTION, USER_OBJECT_ID } from '../../azure-local/fixtures/default.ts';
import { STORAGE_BLOB_DATA_READER } from '../../azure-local/fixtures/authorizationFixtures.ts';
import { buildSimulatorFor } from '../../azure-local/imageBuilder/BuildSimulator.ts';
import { STORAGE_TOKEN_AUDIENCE } from '../../azure-local/storage/BlobOAuthProxy.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';

const GROUP = `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/IT_rg-images-prod_it-proxy_1`;
const ACCOUNT = `${GROUP}/providers/Microsoft.Storage/storageAccounts/stproxy01`;
let local: LocalAzure;
let endpoint: string;

before(async () => {
  local = await startLocalAzure();
  endpoint = await buildSimulatorFor(local.state).stagingBlobEndpoint!(ACCOUNT);
  const azurite = new BlobServiceClient(local.blobEndpoint, new StorageSharedKeyCredential(local.storage.accountName, local.storage.accountKey));
  const container = azurite.getContainerClient('packerlogs');
  await container.createIfNotExists();
  await container.getBlockBlobClient('run-1/customization.log').upload('PACKER OUT Running customizer\n', 30);
});

after(() => local?.stop());

/** Assigns Storage Blob Data Reader to the user at `scope` in the stand-in's state; returns the undo. */
function grantReader(scope: string): () => void {
  const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/0d6b1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4`;
  local.state.put('roleAssignments', { resource: {
    id, name: id.split('/').pop()!, type: 'Microsoft.Authorization/roleAssignments',
    properties: { roleDefinitionId: `/subscriptions/${PROD_SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${STORAGE_BLOB_DATA_READER}`, principalId: USER_OBJECT_ID, principalType: 'User', scope },
  } });
  return () => void local.state.delete('roleAssignments', id);
}

function call(method: string, path: string, token?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint}${path}`, { method, ca: local.caCertPem, headers: token ? { authorization: `Bearer ${token}`, 'x-ms-version': '2025-11-05' } : {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
const token = (options: { audience?: string; tenantId?: string; lifetimeSeconds?: number } = {}) =>
  issueToken({ audience: options.audience ?? STORAGE_TOKEN_AUDIENCE, tenantId: options.tenantId ?? CONTOSO_TENANT, objectId: USER_OBJECT_ID, lifetimeSeconds: options.lifetimeSeconds });
const LIST = 'packerlogs?restype=container&comp=list';

test('the endpoint is https on loopback with Azurite\'s path, one port per account, served from the local CA', async () => {
  assert.match(endpoint, /^https:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/$/);
  assert.equal(await buildSimulatorFor(local.state).stagingBlobEndpoint!(ACCOUNT.toUpperCase()), endpoint, 'the same account keeps its endpoint');
  assert.notEqual(await buildSimulatorFor(local.state).stagingBlobEndpoint!(`${GROUP}/providers/Microsoft.Storage/storageAccounts/stproxy02`), endpoint);
});

test('a valid token of a user without a blob data role: 403 AuthorizationPermissionMismatch', async () => {
  const answer = await call('GET', LIST, token());
  assert.equal(answer.status, 403);
  assert.equal(answer.headers['x-ms-error-code'], 'AuthorizationPermissionMismatch');
  assert.match(answer.body, /<Code>AuthorizationPermissionMismatch<\/Code><Message>This request is not authorized to perform this operation using this permission\./);
});

test('Storage Blob Data Reader on the account\'s group: reads pass (Azurite answers), writes are still refused', async () => {
  const revoke = grantReader(GROUP);
  try {
    const list = await call('GET', LIST, token());
    assert.equal(list.status, 200, list.body);
    assert.match(list.body, /<Name>run-1\/customization\.log<\/Name>/);
    const blob = await call('GET', 'packerlogs/run-1/customization.log', token());
    assert.equal(blob.body, 'PACKER OUT Running customizer\n');
    const write = await call('PUT', 'packerlogs/run-1/other.log', token());
    assert.equal(write.status, 403, 'blobs/write is not in Storage Blob Data Reader');
    assert.equal(write.headers['x-ms-error-code'], 'AuthorizationPermissionMismatch');
  } finally {
    revoke();
  }
});

test('tokens Azure refuses get 401 InvalidAuthenticationInfo, the check that failed, and a challenge naming the account\'s tenant', async () => {
  const revoke = grantReader(ACCOUNT);
  try {
    const good = token();
    const [header, payload, signature] = good.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const otherUser = [header, Buffer.from(JSON.stringify({ ...claims, oid: '00000000-0000-0000-0000-000000000001' })).toString('base64url'), signature].join('.');
    const cases: Array<[string, string, RegExp]> = [
      ['expired', token({ lifetimeSeconds: -60 }), /Lifetime validation failed\. The token is expired\./],
      ['edited after issue', otherUser, /Signature validation failed/],
      ['for ARM, not storage', token({ audience: local.tokenAudience }), /Audience validation failed\. Audience did not match\./],
      ['of another tenant', token({ tenantId: FABRIKAM_TENANT }), /Issuer validation failed\. Issuer did not match\./],
      ['not a JWT', 'not-a-token', /JWT is not well formed/],
    ];
    for (const [what, bad, detail] of cases) {
      const answer = await call('GET', LIST, bad);
      assert.equal(answer.status, 401, what);
      assert.equal(answer.headers['x-ms-error-code'], 'InvalidAuthenticationInfo', what);
      assert.match(answer.body, /<Message>Server failed to authenticate the request\. Please refer to the information in the www-authenticate header\./, what);
      assert.match(answer.body, new RegExp(`<AuthenticationErrorDetail>[^<]*${detail.source}`), what);
      assert.equal(answer.headers['www-authenticate'], `Bearer authorization_uri=https://login.microsoftonline.com/${CONTOSO_TENANT}/oauth2/authorize resource_id=https://storage.azure.com`, what);
    }
    const head = await call('HEAD', 'packerlogs/run-1/customization.log', token({ lifetimeSeconds: -60 }));
    assert.equal(head.status, 401);
    assert.equal(head.body, '', 'no body on HEAD');
    assert.equal((await call('GET', LIST, good)).status, 200, 'the untouched token still reads');
  } finally {
    revoke();
  }
});

test('without a token the request goes to Azurite unchanged: Shared Key works, an anonymous read is Azurite\'s refusal', async () => {
  const service = new BlobServiceClient(endpoint.replace(/\/$/, ''), new StorageSharedKeyCredential(local.storage.accountName, local.storage.accountKey), { tlsOptions: { ca: local.caCertPem } } as object);
  const names: string[] = [];
  for await (const blob of service.getContainerClient('packerlogs').listBlobsFlat()) names.push(blob.name);
  assert.deepEqual(names, ['run-1/customization.log']);
  const anonymous = await call('GET', LIST);
  assert.ok([401, 403, 404].includes(anonymous.status), String(anonymous.status));
  assert.doesNotMatch(anonymous.body, /run-1/);
});
