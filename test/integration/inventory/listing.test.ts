import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { getResourceJson } from '../../../src/azure/inventory/getResourceJson.ts';
import { getSubscriptionJson } from '../../../src/azure/inventory/getSubscriptionJson.ts';
import { listEverything } from '../../../src/azure/inventory/listEverything.ts';
import { listResourcesOfKind } from '../../../src/azure/inventory/listResourcesOfKind.ts';
import { InventoryStore } from '../../../src/azure/inventory/SubscriptionInventory.ts';
import { formatAzureError } from '../../../src/core/errors/describeAzureError.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import type { DiskModel, ImageTemplateModel, KeyVaultModel, SnapshotModel, VirtualMachineModel } from '../../../src/core/resources/models.ts';
import { presentDisk } from '../../../src/core/resources/presentDisk.ts';
import { presentVirtualMachine } from '../../../src/core/resources/presentVirtualMachine.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';

// The extension's own listing code (sign-in through the real AzureCliCredential, the real SDK clients) against
// the local Azure, checked against what the fixture holds — what the tree shows comes from exactly these calls.

let local: LocalAzure;
let sessions: SubscriptionSession[];
const originalPath = process.env.PATH;
const byName = (name: string) => sessions.find((s) => s.name === name)!;
const standInKind = { virtualMachine: 'virtualMachines', disk: 'disks', snapshot: 'snapshots', keyVault: 'vaults', imageTemplate: 'imageTemplates' } as const;

before(async () => {
  local = await startLocalAzure({ pageSize: 3 });
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  const listing = await listAzureCliSubscriptions(localCloud(local), azureCliCredentials());
  assert.deepEqual(listing.failures, []);
  sessions = listing.subscriptions;
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

test('both subscriptions are listed through the Azure CLI login, sorted by name', () => {
  assert.deepEqual(sessions.map((s) => s.name), ['Contoso Dev/Test', 'Contoso Production']);
  assert.ok(sessions.every((s) => s.accountLabel === 'Azure CLI' && s.cloud.isCustom));
});

test('every kind lists to the last page (page size 3) and matches the fixture', async () => {
  for (const session of sessions) {
    for (const kind of ['virtualMachine', 'disk', 'snapshot', 'keyVault', 'imageTemplate'] as const) {
      const listed = (await listResourcesOfKind(session, kind)) as Array<{ id: string }>;
      const expected = local.state.list(standInKind[kind], session.subscriptionId).map((r) => String(r.resource.id).toLowerCase());
      assert.deepEqual(listed.map((r) => r.id.toLowerCase()).sort(), expected.sort(), `${session.name} ${kind}`);
      assert.equal(new Set(listed.map((r) => r.id)).size, listed.length, `no duplicates across pages (${kind})`);
    }
  }
  const prodDisks = await listResourcesOfKind(byName('Contoso Production'), 'disk');
  assert.ok(prodDisks.length > 3, 'the production disks span several pages');
});

test('VMs carry their power state and disks; disks their state, as the tree shows them', async () => {
  const prod = byName('Contoso Production');
  const vms = (await listResourcesOfKind(prod, 'virtualMachine')) as VirtualMachineModel[];
  const web01 = vms.find((vm) => vm.name === 'vm-web-01')!;
  const db01 = vms.find((vm) => vm.name === 'vm-db-01')!;
  assert.equal(presentVirtualMachine(web01, formatMessage).description, 'Running · Standard_D4s_v5');
  assert.match(presentVirtualMachine(db01, formatMessage).description, /^Deallocated/);
  assert.equal(web01.storageProfile?.dataDisks?.length, 2);
  const disks = (await listResourcesOfKind(prod, 'disk')) as DiskModel[];
  const states = new Set(disks.map((d) => d.diskState));
  for (const state of ['Attached', 'Reserved', 'Unattached', 'ActiveSAS']) assert.ok(states.has(state), `a disk in state ${state}`);
  const archive = disks.find((d) => d.name === 'disk-archive-2024q4')!;
  assert.match(presentDisk(archive, formatMessage).description, /ActiveSAS$/);
});

test('snapshots, key vaults and image templates carry the state the tree shows', async () => {
  const prod = byName('Contoso Production');
  const snapshots = (await listResourcesOfKind(prod, 'snapshot')) as SnapshotModel[];
  assert.ok(snapshots.some((s) => s.incremental === true) && snapshots.some((s) => s.incremental === false));
  const vaults = (await listResourcesOfKind(prod, 'keyVault')) as KeyVaultModel[];
  assert.ok(vaults.some((v) => v.properties?.enableRbacAuthorization === true));
  assert.ok(vaults.some((v) => v.properties?.enabledForDiskEncryption === true && !v.properties?.enableRbacAuthorization));
  const all = [...vaults];
  for (const s of sessions) all.push(...((await listResourcesOfKind(s, 'keyVault')) as KeyVaultModel[]));
  assert.ok(all.some((v) => v.properties?.enabledForDiskEncryption === false));
  const templates: ImageTemplateModel[] = [];
  for (const s of sessions) templates.push(...((await listResourcesOfKind(s, 'imageTemplate')) as ImageTemplateModel[]));
  const running = templates.find((t) => t.lastRunStatus?.runState === 'Running');
  assert.equal(running?.lastRunStatus?.runSubState, 'Customizing');
});

test('View Properties gets the resource as ARM returns it, not the SDK flattening', async () => {
  const prod = byName('Contoso Production');
  const disk = ((await listResourcesOfKind(prod, 'disk')) as Array<{ id: string; name: string }>)[0];
  const json = (await getResourceJson(prod, 'disk', disk.id)) as { id: string; properties?: { diskState?: string } };
  assert.equal(json.id, disk.id);
  assert.equal(typeof json.properties?.diskState, 'string');
});

test('one failing listing is reported for its subscription while everything else lists', async () => {
  const dev = byName('Contoso Dev/Test');
  const rule = local.faults.add({ path: `/subscriptions/${dev.subscriptionId}/providers/Microsoft.Compute/virtualMachines`, status: 500, code: 'InternalServerError', message: 'Injected failure for the test.' });
  try {
    const outcomes = await listEverything(sessions, new InventoryStore(listResourcesOfKind));
    const failed = outcomes.filter((o) => o.error);
    assert.deepEqual(failed.map((o) => [o.subscriptionId, o.kind]), [[dev.subscriptionId, 'virtualMachine']]);
    assert.match(formatAzureError(failed[0].error), /InternalServerError: Injected failure for the test\./);
    assert.ok(outcomes.filter((o) => !o.error).every((o) => typeof o.count === 'number'));
  } finally {
    local.faults.remove(rule);
  }
});

test('a failed kind is listed again on retry; a successful one is not fetched twice', async () => {
  const prod = byName('Contoso Production');
  const store = new InventoryStore(listResourcesOfKind);
  const rule = local.faults.add({ route: 'disks.list', status: 503, code: 'ServerBusy', message: 'Busy.', times: 10 });
  await assert.rejects(store.for(prod).get('disk'));
  local.faults.remove(rule);
  const disks = await store.for(prod).get('disk');
  assert.ok(disks.length > 0);
  assert.equal(await store.for(prod).get('disk'), disks, 'served from the inventory, not listed again');
});

test("a subscription's properties are ARM's own JSON for it (View Properties on a subscription row)", async () => {
  const dev = byName('Contoso Dev/Test');
  const json = (await getSubscriptionJson(dev)) as { id: string; subscriptionId: string; displayName: string; tenantId: string; state: string };
  assert.deepEqual(
    { id: json.id, subscriptionId: json.subscriptionId, displayName: json.displayName, tenantId: json.tenantId, state: json.state },
    { id: `/subscriptions/${dev.subscriptionId}`, subscriptionId: dev.subscriptionId, displayName: 'Contoso Dev/Test', tenantId: dev.tenantId, state: 'Enabled' },
  );
});
