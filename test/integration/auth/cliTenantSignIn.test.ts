import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';

// The account belongs to two tenants (ARM's /tenants lists both) but the Azure CLI is logged in to its home tenant
// only: the other one needs `az login --tenant`. It must show as a tenant to sign in to, not vanish or be an error.

let local: LocalAzure;
const originalPath = process.env.PATH;
const originalConfig = process.env.LOCAL_AZURE_AZ_CONFIG;

before(async () => {
  local = await startLocalAzure();
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  const config = JSON.parse(await readFile(join(local.azBinDir, 'az-config.json'), 'utf8')) as { tenants: Array<{ displayName: string }> };
  const homeOnly = { ...config, tenants: config.tenants.filter((t) => t.displayName === 'Contoso') };
  const file = join(local.azBinDir, 'az-config-home-only.json');
  await writeFile(file, JSON.stringify(homeOnly));
  process.env.LOCAL_AZURE_AZ_CONFIG = file;
});

after(async () => {
  process.env.PATH = originalPath;
  if (originalConfig === undefined) delete process.env.LOCAL_AZURE_AZ_CONFIG;
  else process.env.LOCAL_AZURE_AZ_CONFIG = originalConfig;
  await local?.stop();
});

test('a tenant the CLI is not logged in to is one to sign in to, beside the subscriptions that list', async () => {
  const listing = await listAzureCliSubscriptions(localCloud(local), azureCliCredentials());
  assert.deepEqual(listing.subscriptions.map((s) => s.name), ['Contoso Dev/Test', 'Contoso Production']);
  assert.deepEqual(listing.failures, []);
  assert.deepEqual(listing.tenantsNeedingSignIn?.map((t) => t.displayName), ['Fabrikam Partners']);
});
