// ARM's refusals: unknown api-version, missing api-version, unknown path, missing resource, bad tokens.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { ComputeManagementClient } from '@azure/arm-compute';
import { issueToken } from '../../azure-local/arm/tokens.ts';
import { CONTOSO_TENANT, PROD_SUBSCRIPTION, USER_OBJECT_ID } from '../../azure-local/fixtures/default.ts';
import { armErrorCode, collect, startLocalAzureWithClients, type LocalAzureClients } from './localAzureClients.ts';

let env: LocalAzureClients;
before(async () => {
  env = await startLocalAzureWithClients();
});
after(() => env?.stop());

/** A raw call to the stand-in (what the SDK would never send). */
function call(path: string, token?: string): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${env.local.armEndpoint}${path}`, { ca: env.local.caCertPem, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}
const token = (lifetimeSeconds = 600, audience = env.local.tokenAudience) => issueToken({ audience, tenantId: CONTOSO_TENANT, objectId: USER_OBJECT_ID, lifetimeSeconds });

test('an api-version the route does not serve is refused like ARM does', async () => {
  // (The modular SDKs hard-code the api-version in their URL templates, so this one is sent raw.)
  const disks = await call(`/subscriptions/${PROD_SUBSCRIPTION}/providers/Microsoft.Compute/disks?api-version=2099-01-01`, token());
  assert.equal(disks.status, 400);
  assert.equal(disks.body.error.code, 'NoRegisteredProviderFound');
  assert.match(disks.body.error.message, /The supported api-versions are '2026-03-02'/);
  const res = await call('/subscriptions?api-version=2015-01-01', token());
  assert.equal(res.status, 400);
  assert.equal(res.body.error.code, 'InvalidApiVersionParameter');
});

test('missing api-version, unknown type, unknown namespace, missing resource', async () => {
  const missing = await call(`/subscriptions/${PROD_SUBSCRIPTION}/providers/Microsoft.Compute/disks`, token());
  assert.equal(missing.status, 400);
  assert.equal(missing.body.error.code, 'MissingApiVersionParameter');
  const unknownType = await call(`/subscriptions/${PROD_SUBSCRIPTION}/providers/Microsoft.Compute/floppyDisks?api-version=2026-03-02`, token());
  assert.equal(unknownType.status, 404);
  assert.equal(unknownType.body.error.code, 'InvalidResourceType');
  const unknownNs = await call(`/subscriptions/${PROD_SUBSCRIPTION}/providers/Contoso.Nothing/things?api-version=2026-03-02`, token());
  assert.equal(unknownNs.body.error.code, 'InvalidResourceNamespace');
  await assert.rejects(env.compute(PROD_SUBSCRIPTION).disks.get('rg-web-prod-japaneast', 'no-such-disk'), (e: any) => e.statusCode === 404 && armErrorCode(e) === 'ResourceNotFound');
  await assert.rejects(env.compute(PROD_SUBSCRIPTION).disks.get('rg-nope', 'x'), (e: any) => e.statusCode === 404 && armErrorCode(e) === 'ResourceGroupNotFound');
  await assert.rejects(collect(env.compute('00000000-0000-0000-0000-000000000000').disks.list()), (e: any) => e.statusCode === 404 && armErrorCode(e) === 'SubscriptionNotFound');
});

test('401: no token, wrong audience, expired token (with WWW-Authenticate)', async () => {
  const none = await call(`/subscriptions?api-version=2022-12-01`);
  assert.equal(none.status, 401);
  assert.match(String(none.headers['www-authenticate']), /^Bearer authorization_uri=/);
  const wrongAudience = await call(`/subscriptions?api-version=2022-12-01`, token(600, 'https://management.azure.com/'));
  assert.equal(wrongAudience.body.error.code, 'InvalidAuthenticationToken');
  const expired = await call(`/subscriptions?api-version=2022-12-01`, token(-120));
  assert.equal(expired.status, 401);
  assert.equal(expired.body.error.code, 'ExpiredAuthenticationToken');
  assert.match(String(expired.headers['www-authenticate']), /error="invalid_token"/);

  // A modular SDK client left on its default scope asks for a management.azure.com token: refused.
  const defaultScope = new ComputeManagementClient(env.credential, PROD_SUBSCRIPTION, { endpoint: env.local.armEndpoint, tlsOptions: { ca: env.local.caCertPem } } as never);
  await assert.rejects(collect(defaultScope.disks.list()), (e: any) => e.statusCode === 401 && armErrorCode(e) === 'InvalidAuthenticationToken');

  // The fake az issuing expired tokens: the SDK call fails with ARM's 401.
  await env.local.configureAz({ tokenLifetimeSeconds: -60 });
  try {
    const fresh = new ComputeManagementClient(env.credential, PROD_SUBSCRIPTION, env.options as never);
    await assert.rejects(collect(fresh.disks.list()), (e: any) => e.statusCode === 401 && armErrorCode(e) === 'ExpiredAuthenticationToken');
  } finally {
    await env.local.configureAz({ tokenLifetimeSeconds: 3600 });
  }
});

test('a token of another tenant is refused on this subscription', async () => {
  const foreign = issueToken({ audience: env.local.tokenAudience, tenantId: 'a4b2c9d1-5e6f-4a7b-8c9d-0e1f2a3b4c5d', objectId: USER_OBJECT_ID });
  const res = await call(`/subscriptions/${PROD_SUBSCRIPTION}/providers/Microsoft.Compute/disks?api-version=2026-03-02`, foreign);
  assert.equal(res.status, 401);
  assert.equal(res.body.error.code, 'InvalidAuthenticationTokenTenant');
  // And /subscriptions with that tenant's token lists none of Contoso's.
  const list = await call('/subscriptions?api-version=2022-12-01', foreign);
  assert.deepEqual(list.body.value, []);
});
