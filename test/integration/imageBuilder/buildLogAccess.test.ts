import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import { scopePath } from '../../../src/azure/authorization/scopePath.ts';
import { authorizationClient } from '../../../src/azure/clients.ts';
import { BuildLogAccessDeniedError, findBuildLog } from '../../../src/azure/imageBuilder/buildLogReader.ts';
import { createImageTemplate, getImageTemplateJson, startImageBuild } from '../../../src/azure/imageBuilder/imageTemplateOperations.ts';
import { stagingResourceGroupName } from '../../../src/core/imageBuilder/buildLogLocation.ts';
import { issueToken } from '../../azure-local/arm/tokens.ts';
import { STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_READER } from '../../azure-local/fixtures/authorizationFixtures.ts';
import { buildSimulatorFor, type StagingStorageAccount } from '../../azure-local/imageBuilder/BuildSimulator.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';
import { IMAGES_RG, linuxTemplate, PROD } from './testTemplates.ts';

// Which credential reads customization.log, end to end through the SDK against the staging account's https blob
// endpoint (the stand-in's OAuth front, trusted through the custom cloud's CA file as a private cloud's would be):
// the account key when listKeys answers, the user's Microsoft Entra ID token when listKeys is denied or the account
// has Shared Key turned off. The token only reads with a blob data role on the account, granted here through
// @azure/arm-authorization as a user would.

let local: LocalAzure;
let session: SubscriptionSession;
let staging: string;
let account: StagingStorageAccount;
const originalPath = process.env.PATH;
const fast = { pollIntervalMs: 20 };
const listKeysCalls = () => local.state.requestLog.filter((r) => r.route === 'storageAccounts.listKeys').length;
const denyListKeys = () => local.faults.add({ route: 'storageAccounts.listKeys', status: 403, code: 'AuthorizationFailed', message: 'The client does not have authorization to perform action Microsoft.Storage/storageAccounts/listKeys/action.', times: 100 });
const setSharedKeyAccess = (allowed: boolean) => {
  account.resource.properties = { ...account.resource.properties, allowSharedKeyAccess: allowed };
};

/** Assigns a built-in role to the signed-in user on the staging account; returns a function that removes it. */
async function grantOnAccount(roleGuid: string): Promise<() => Promise<void>> {
  const client = await authorizationClient(session);
  const name = randomUUID();
  await client.roleAssignments.create(scopePath(account.resource.id), name, {
    roleDefinitionId: `/subscriptions/${PROD}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`,
    principalId: local.state.user.objectId,
    principalType: 'User',
  });
  return async () => {
    await client.roleAssignments.delete(scopePath(account.resource.id), name);
  };
}

before(async () => {
  local = await startLocalAzure({ lroDurationMs: 100 });
  buildSimulatorFor(local.state).stepMs = 30;
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  session = (await listAzureCliSubscriptions(localCloud(local), azureCliCredentials())).subscriptions.find((s) => s.subscriptionId === PROD)!;
  await createImageTemplate(session, IMAGES_RG, 'it-log-access', linuxTemplate('log'), fast);
  await startImageBuild(session, IMAGES_RG, 'it-log-access', fast);
  staging = stagingResourceGroupName((await getImageTemplateJson(session, IMAGES_RG, 'it-log-access'))?.properties)!;
  [account] = buildSimulatorFor(local.state).storageAccountsIn(PROD, staging);
  await new Promise((r) => setTimeout(r, 500));
});

afterEach(() => {
  local.faults.clear();
  setSharedKeyAccess(true);
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

test('the staging account\'s blob endpoint is https, as in Azure (not Azurite\'s http one)', () => {
  const endpoint = String(account.resource.properties?.primaryEndpoints?.blob);
  assert.match(endpoint, /^https:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/$/);
  assert.ok(!endpoint.startsWith(local.blobEndpoint));
});

test('with the account key the log is read over https (the cloud\'s CA trusted) and the lookup says so', async () => {
  const lookup = await findBuildLog(session, staging);
  assert.ok(lookup.found);
  assert.equal(lookup.auth, 'accountKey');
  assert.equal(lookup.storageAccount, account.resource.name);
  assert.ok(lookup.log.url.startsWith(String(account.resource.properties?.primaryEndpoints?.blob)), lookup.log.url);
  assert.match((await lookup.log.readFrom(0)).toString('utf8'), /Running customizer 'update-packages'/);
});

test('listKeys denied, Storage Blob Data Reader on the account: the log is read with the user\'s Entra ID token', async () => {
  const revoke = await grantOnAccount(STORAGE_BLOB_DATA_READER);
  denyListKeys();
  const before = listKeysCalls();
  try {
    const lookup = await findBuildLog(session, staging);
    assert.ok(lookup.found);
    assert.equal(lookup.auth, 'entraId');
    assert.equal(listKeysCalls(), before + 1, 'the key was asked for first, and refused');
    const text = (await lookup.log.readFrom(0)).toString('utf8');
    assert.match(text, /Running customizer 'update-packages' \(Shell, customize\[0\]\)/);
    assert.match(text, /Running customizer 'cleanup'/);
    const tail = await lookup.log.readFrom(Buffer.byteLength(text));
    assert.equal(tail.length, 0, 'nothing new past the end');
  } finally {
    await revoke();
  }
});

test('Shared Key turned off: listKeys is not even asked, the token reads the log (Storage Blob Data Contributor)', async () => {
  const revoke = await grantOnAccount(STORAGE_BLOB_DATA_CONTRIBUTOR);
  setSharedKeyAccess(false);
  const before = listKeysCalls();
  try {
    const lookup = await findBuildLog(session, staging);
    assert.ok(lookup.found);
    assert.equal(lookup.auth, 'entraId');
    assert.match((await lookup.log.readFrom(0)).toString('utf8'), /Running customizer 'install-tools'/);
    assert.equal(listKeysCalls(), before);
  } finally {
    await revoke();
  }
});

test('no blob data role (Reader on the subscription only): BuildLogAccessDeniedError naming the account and the role', async () => {
  denyListKeys();
  await assert.rejects(findBuildLog(session, staging), (error: Error) => {
    assert.ok(error instanceof BuildLogAccessDeniedError, String(error));
    assert.equal(error.storageAccount, account.resource.name);
    assert.match(error.message, new RegExp(`storage account ${account.resource.name}.*Storage Blob Data Reader`));
    assert.doesNotMatch(error.message, /AuthorizationFailed|listKeys/);
    return true;
  });
});

test('a role removed again is refused again (Shared Key off, no role left)', async () => {
  const revoke = await grantOnAccount(STORAGE_BLOB_DATA_READER);
  setSharedKeyAccess(false);
  assert.ok((await findBuildLog(session, staging)).found);
  await revoke();
  await assert.rejects(findBuildLog(session, staging), BuildLogAccessDeniedError);
});

/** The session, but the blob service gets `token` (ARM calls keep the user's real tokens). */
function sessionWithStorageToken(token: string): SubscriptionSession {
  const real = session.credential;
  return {
    ...session,
    credential: {
      getToken: async (scopes, options) => ([scopes].flat().some((s) => s.startsWith(local.storageTokenAudience))
        ? { token, expiresOnTimestamp: Date.now() + 3600_000 }
        : real.getToken(scopes, options)),
    },
  };
}

test('an expired token, and the same token with its expiry edited, are refused (401), not taken for a missing role', async () => {
  const revoke = await grantOnAccount(STORAGE_BLOB_DATA_READER);
  setSharedKeyAccess(false);
  const tenantId = local.state.subscription(PROD)!.tenantId;
  const expired = issueToken({ audience: local.storageTokenAudience, tenantId, objectId: local.state.user.objectId, lifetimeSeconds: -60 });
  const [header, payload, signature] = expired.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const edited = [header, Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 7200 })).toString('base64url'), signature].join('.');
  try {
    for (const [token, detail] of [[expired, /Lifetime validation failed/], [edited, /Signature validation failed/]] as const) {
      await assert.rejects(findBuildLog(sessionWithStorageToken(token), staging), (error: Error & { statusCode?: number; code?: string; details?: { authenticationErrorDetail?: string } }) => {
        assert.ok(!(error instanceof BuildLogAccessDeniedError), 'a refused sign-in is not a missing role');
        assert.equal(error.statusCode, 401);
        assert.equal(error.code, 'InvalidAuthenticationInfo');
        assert.match(String(error.details?.authenticationErrorDetail), detail);
        return true;
      });
    }
    assert.ok((await findBuildLog(session, staging)).found, 'the user\'s own token still reads it');
  } finally {
    await revoke();
  }
});
