// Listing every resource type with the real SDKs, following nextLink to the end (page size 3 here).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEVTEST_SUBSCRIPTION, PROD_SUBSCRIPTION } from '../../azure-local/fixtures/default.ts';
import { collect, startLocalAzureWithClients, type LocalAzureClients } from './localAzureClients.ts';

let env: LocalAzureClients;
before(async () => {
  env = await startLocalAzureWithClients({ pageSize: 3 });
});
after(() => env?.stop());

test('subscriptions and tenants list through AzureCliCredential and the fake az', async () => {
  const subs = await collect(env.subscriptions.subscriptions.list());
  assert.deepEqual(subs.map((s) => s.displayName).sort(), ['Contoso Dev/Test', 'Contoso Production']);
  const tenants = await collect(env.subscriptions.tenants.list());
  assert.equal(tenants.length, 2);
  const one = await env.subscriptions.subscriptions.get(PROD_SUBSCRIPTION);
  assert.equal(one.state, 'Enabled');
});

test('every resource type lists completely across pages', async () => {
  const { state } = env.local;
  for (const sub of [PROD_SUBSCRIPTION, DEVTEST_SUBSCRIPTION]) {
    const compute = env.compute(sub);
    const groups = await collect(env.resources(sub).resourceGroups.list());
    assert.equal(groups.length, state.list('resourceGroups', sub).length);
    const vms = await collect(compute.virtualMachines.listAll());
    assert.equal(vms.length, state.list('virtualMachines', sub).length);
    const disks = await collect(compute.disks.list());
    assert.equal(disks.length, state.list('disks', sub).length);
    const snapshots = await collect(compute.snapshots.list());
    assert.equal(snapshots.length, state.list('snapshots', sub).length);
    const vaults = await collect(env.keyVault(sub).vaults.listBySubscription());
    assert.equal(vaults.length, state.list('vaults', sub).length);
    const templates = await collect(env.imageBuilder(sub).virtualMachineImageTemplates.list());
    assert.equal(templates.length, state.list('imageTemplates', sub).length);
  }
  // The production disks (14) really came in several pages: the SDK followed nextLink with $skiptoken.
  const diskPages = state.requestLog.filter((r) => r.route === 'disks.list' && r.path.includes(PROD_SUBSCRIPTION));
  assert.ok(diskPages.length >= 5, `expected ≥5 pages, got ${diskPages.length}`);
  assert.ok(diskPages.slice(1).every((r) => r.path.includes('%24skiptoken=') || r.path.includes('$skiptoken=')));
});

test('listings by resource group and statusOnly power states', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  const webDisks = await collect(compute.disks.listByResourceGroup('rg-web-prod-japaneast'));
  assert.deepEqual(webDisks.map((d) => d.name).sort(), ['disk-orphan-logs-01', 'vm-web-01-data-00', 'vm-web-01-data-01', 'vm-web-01_OsDisk_1_9f1c2d3e4a5b', 'vm-web-02_OsDisk_1_0a7e6b5c4d3f']);
  const rgVms = await collect(compute.virtualMachines.list('rg-data-prod-eastus'));
  assert.deepEqual(rgVms.map((v) => v.name).sort(), ['vm-batch-01', 'vm-db-01']);
  const statuses = await collect(compute.virtualMachines.listAll({ statusOnly: 'true' }));
  const power = Object.fromEntries(statuses.map((s) => [s.name, s.instanceView?.statuses?.find((x) => x.code?.startsWith('PowerState/'))?.code]));
  assert.equal(power['vm-web-01'], 'PowerState/running');
  assert.equal(power['vm-db-01'], 'PowerState/deallocated');
  const snaps = await collect(compute.snapshots.listByResourceGroup('rg-web-prod-japaneast'));
  assert.ok(snaps.some((s) => s.incremental === true) && snaps.some((s) => s.incremental === false));
  const vaults = await collect(env.keyVault(PROD_SUBSCRIPTION).vaults.listByResourceGroup('rg-security-prod'));
  assert.equal(vaults.length, 2);
  const templates = await collect(env.imageBuilder(PROD_SUBSCRIPTION).virtualMachineImageTemplates.listByResourceGroup('rg-images-prod'));
  assert.ok(templates.some((t) => t.lastRunStatus?.runState === 'Running'));
});

test('fixture covers every diskState and the ADE vault kinds', async () => {
  const disks = await collect(env.compute(PROD_SUBSCRIPTION).disks.list());
  const states = new Set(disks.map((d) => d.diskState));
  for (const s of ['Unattached', 'Attached', 'Reserved', 'ActiveSAS', 'ActiveSASFrozen', 'Frozen', 'ReadyToUpload', 'ActiveUpload']) assert.ok(states.has(s as never), s);
  assert.ok(disks.some((d) => d.dataAccessAuthMode === 'AzureActiveDirectory'));
  const vault = await env.keyVault(PROD_SUBSCRIPTION).vaults.get('rg-security-prod', 'kv-contoso-ade-jpe');
  assert.equal(vault.properties.enabledForDiskEncryption, true);
  assert.equal(vault.properties.enableRbacAuthorization, false);
});

test('providers get reports registrationState, and an unregistered namespace refuses listings', async () => {
  const provider = await env.resources(DEVTEST_SUBSCRIPTION).providers.get('Microsoft.VirtualMachineImages');
  assert.equal(provider.registrationState, 'Registered');
  env.local.changeState({ providerRegistration: { [DEVTEST_SUBSCRIPTION]: { 'Microsoft.VirtualMachineImages': 'NotRegistered' } } });
  try {
    assert.equal((await env.resources(DEVTEST_SUBSCRIPTION).providers.get('Microsoft.VirtualMachineImages')).registrationState, 'NotRegistered');
    await assert.rejects(collect(env.imageBuilder(DEVTEST_SUBSCRIPTION).virtualMachineImageTemplates.list()), (e: any) => e.statusCode === 409 && /MissingSubscriptionRegistration/.test(e.code ?? e.message));
  } finally {
    env.local.changeState({ providerRegistration: { [DEVTEST_SUBSCRIPTION]: { 'Microsoft.VirtualMachineImages': 'Registered' } } });
  }
});
