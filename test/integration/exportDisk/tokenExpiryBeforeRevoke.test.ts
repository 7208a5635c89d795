// A long export outlives the ARM token it started with. Revoke must still end the disk's access: the token is asked
// for again (cacheTokens and the pipeline both refresh before expiry), never sent expired.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import { grantReadAccess, revokeReadAccess } from '../../../src/azure/compute/diskAccess.ts';
import { getDiskOrSnapshot } from '../../../src/azure/compute/getExportSource.ts';
import { exportTargetFrom } from '../../../src/core/exportDisk/exportTarget.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { issueToken } from '../../azure-local/arm/tokens.ts';
import { localCloud } from '../support/localCloud.ts';

let local: LocalAzure;
const originalPath = process.env.PATH;
const lro = { updateIntervalInMs: 50 };

before(async () => {
  local = await startLocalAzure();
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
});
after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

test('the token the grant used has expired by revoke time; revoke still ends access', async () => {
  // Every token the CLI hands out now lives 3 s: the grant's token is expired when revoke runs.
  await local.configureAz({ tokenLifetimeSeconds: 3 });
  const { subscriptions } = await listAzureCliSubscriptions(localCloud(local), azureCliCredentials());
  const session = subscriptions.find((s) => s.name === 'Contoso Production')!;
  const target = exportTargetFrom('disk', await getDiskOrSnapshot(session, 'disk', 'rg-web-prod-japaneast', 'disk-orphan-logs-01'));
  await grantReadAccess(session, target, 3600, lro);
  assert.equal((await getDiskOrSnapshot(session, 'disk', 'rg-web-prod-japaneast', 'disk-orphan-logs-01')).diskState, 'ActiveSAS');

  await new Promise((r) => setTimeout(r, 4000));
  await revokeReadAccess(session, target, lro);

  assert.equal((await getDiskOrSnapshot(session, 'disk', 'rg-web-prod-japaneast', 'disk-orphan-logs-01')).diskState, 'Unattached');
  // The stand-in would have refused an expired token: the revoke really went through with a new one.
  const expired = local.state.requestLog.filter((r) => r.status === 401);
  assert.deepEqual(expired, [], 'no request was sent with an expired token');
});

test('a request with the grant-time token, once expired, is refused (so the test above could fail)', async () => {
  const token = issueToken({ audience: local.tokenAudience, tenantId: local.state.subscriptions[0].tenantId, objectId: local.state.user.objectId, lifetimeSeconds: -60 });
  const status = await new Promise<number>((resolve, reject) => {
    const url = new URL(`${local.armEndpoint}/subscriptions?api-version=2022-12-01`);
    https.get(url, { ca: local.caCertPem, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
  assert.equal(status, 401);
});
