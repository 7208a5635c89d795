// VM get/instanceView and the power operations as long-running operations that move disk states.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PROD_SUBSCRIPTION } from '../../azure-local/fixtures/default.ts';
import { armErrorCode, startLocalAzureWithClients, type LocalAzureClients } from './localAzureClients.ts';

let env: LocalAzureClients;
before(async () => {
  env = await startLocalAzureWithClients();
});
after(() => env?.stop());

const RG = 'rg-web-prod-japaneast';
const powerOf = (statuses: Array<{ code?: string }> | undefined) => statuses?.find((s) => s.code?.startsWith('PowerState/'))?.code;

test('VM get with $expand=instanceView and the instanceView call', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  const vm = await compute.virtualMachines.get(RG, 'vm-web-01', { expand: 'instanceView' });
  assert.equal(vm.storageProfile?.dataDisks?.length, 2);
  assert.equal(powerOf(vm.instanceView?.statuses), 'PowerState/running');
  const plain = await compute.virtualMachines.get(RG, 'vm-web-01');
  assert.equal(plain.instanceView, undefined);
  const view = await compute.virtualMachines.instanceView('rg-data-prod-eastus', 'vm-db-01');
  assert.equal(powerOf(view.statuses), 'PowerState/deallocated');
  assert.ok(view.disks?.some((d) => d.statuses?.some((s) => s.code === 'EncryptionState/encrypted')));
});

test('deallocate moves the disks to Reserved, start back to Attached', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  const poller = compute.virtualMachines.deallocate(RG, 'vm-web-01', env.poll);
  await poller.submitted();
  // While the operation runs the VM reports "deallocating".
  const during = await compute.virtualMachines.instanceView(RG, 'vm-web-01');
  assert.equal(powerOf(during.statuses), 'PowerState/deallocating');
  await poller.pollUntilDone();
  assert.equal(powerOf((await compute.virtualMachines.instanceView(RG, 'vm-web-01')).statuses), 'PowerState/deallocated');
  for (const name of ['vm-web-01_OsDisk_1_9f1c2d3e4a5b', 'vm-web-01-data-00', 'vm-web-01-data-01']) {
    assert.equal((await compute.disks.get(RG, name)).diskState, 'Reserved', name);
  }
  await compute.virtualMachines.start(RG, 'vm-web-01', env.poll).pollUntilDone();
  assert.equal((await compute.disks.get(RG, 'vm-web-01-data-00')).diskState, 'Attached');
  await compute.virtualMachines.powerOff(RG, 'vm-web-01', env.poll).pollUntilDone();
  assert.equal(powerOf((await compute.virtualMachines.instanceView(RG, 'vm-web-01')).statuses), 'PowerState/stopped');
  assert.equal((await compute.disks.get(RG, 'vm-web-01-data-00')).diskState, 'Attached', 'stopped but allocated keeps disks Attached');
  await compute.virtualMachines.restart(RG, 'vm-web-01', env.poll).pollUntilDone();
  assert.equal(powerOf((await compute.virtualMachines.instanceView(RG, 'vm-web-01')).statuses), 'PowerState/running');
});

test('the operation-status endpoint answers InProgress then Succeeded', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  env.local.state.requestLog.length = 0;
  const poller = compute.virtualMachines.deallocate(RG, 'vm-web-02', env.poll);
  await poller.pollUntilDone();
  assert.equal(poller.isDone, true);
  const polls = env.local.state.requestLog.filter((r) => r.route === 'compute.operationStatus');
  assert.ok(polls.length >= 2, 'polled the Azure-AsyncOperation URL until done');
  assert.ok(polls.some((r) => r.path.includes('monitor=true')), 'then read the result from the Location URL');
  await compute.virtualMachines.start(RG, 'vm-web-02', env.poll).pollUntilDone();
});

test('disk PATCH is a long-running update', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  const updated = await compute.disks.update(RG, 'disk-orphan-logs-01', { tags: { owner: 'ops', purpose: 'logs' }, diskSizeGB: 3 } as never, env.poll).pollUntilDone();
  assert.equal(updated.tags?.purpose, 'logs');
  assert.equal(updated.diskSizeGB, 3);
  await assert.rejects(
    compute.disks.update(RG, 'vm-web-01-data-00', { diskSizeGB: 8 } as never, env.poll).pollUntilDone(),
    (e: any) => e.statusCode === 409 && armErrorCode(e) === 'OperationNotAllowed',
  );
});
