import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import { findBuildLog } from '../../../src/azure/imageBuilder/buildLogReader.ts';
import { createImageTemplate, getImageTemplateJson, startImageBuild } from '../../../src/azure/imageBuilder/imageTemplateOperations.ts';
import { stagingResourceGroupName } from '../../../src/core/imageBuilder/buildLogLocation.ts';
import { buildSimulatorFor } from '../../azure-local/imageBuilder/BuildSimulator.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';
import { IMAGES_RG, linuxTemplate, PROD } from './testTemplates.ts';

// Which credential reads customization.log: the account key when listKeys answers, the user's Entra ID token when
// listKeys is denied or the account has Shared Key turned off. (The stand-in's blob service is plain http, where the
// SDK refuses to send a token at all: that refusal is how these tests see that the token was chosen. In Azure the
// blob endpoint is https.)

let local: LocalAzure;
let session: SubscriptionSession;
let staging: string;
const originalPath = process.env.PATH;
const fast = { pollIntervalMs: 20 };
const listKeysCalls = () => local.state.requestLog.filter((r) => r.route === 'storageAccounts.listKeys').length;

before(async () => {
  local = await startLocalAzure({ lroDurationMs: 100 });
  buildSimulatorFor(local.state).stepMs = 30;
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  session = (await listAzureCliSubscriptions(localCloud(local), azureCliCredentials())).subscriptions.find((s) => s.subscriptionId === PROD)!;
  await createImageTemplate(session, IMAGES_RG, 'it-log-access', linuxTemplate('log'), fast);
  await startImageBuild(session, IMAGES_RG, 'it-log-access', fast);
  staging = stagingResourceGroupName((await getImageTemplateJson(session, IMAGES_RG, 'it-log-access'))?.properties)!;
  await new Promise((r) => setTimeout(r, 500));
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

test('with the account key the log is read and the lookup says so', async () => {
  const lookup = await findBuildLog(session, staging);
  assert.ok(lookup.found);
  assert.equal(lookup.auth, 'accountKey');
  assert.match((await lookup.log.readFrom(0)).toString('utf8'), /Running customizer 'update-packages'/);
});

test('listKeys denied: no AuthorizationFailed for the user, the reader turns to the user\'s token', async () => {
  const rule = local.faults.add({ route: 'storageAccounts.listKeys', status: 403, code: 'AuthorizationFailed', message: 'The client does not have authorization to perform action Microsoft.Storage/storageAccounts/listKeys/action.', times: 100 });
  try {
    await assert.rejects(findBuildLog(session, staging), (error: Error) => {
      assert.doesNotMatch(error.message, /AuthorizationFailed|listKeys/);
      assert.match(error.message, /Bearer token/i, 'the blob request carried (tried to carry) the user\'s token');
      return true;
    });
  } finally {
    local.faults.remove(rule);
  }
});

test('Shared Key turned off on the account: listKeys is not even asked', async () => {
  const [account] = buildSimulatorFor(local.state).storageAccountsIn(PROD, staging);
  account.resource.properties = { ...account.resource.properties, allowSharedKeyAccess: false };
  const before = listKeysCalls();
  await assert.rejects(findBuildLog(session, staging), /Bearer token/i);
  assert.equal(listKeysCalls(), before);
  account.resource.properties = { ...account.resource.properties, allowSharedKeyAccess: true };
});
