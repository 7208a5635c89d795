// Fault injection: failures and latency per route, from the JS API and from the admin endpoint.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { PROD_SUBSCRIPTION } from '../../azure-local/fixtures/default.ts';
import { armErrorCode, collect, startLocalAzureWithClients, type LocalAzureClients } from './localAzureClients.ts';

let env: LocalAzureClients;
before(async () => {
  env = await startLocalAzureWithClients();
});
after(() => env?.stop());

function admin(method: string, path: string, body?: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const req = request(`${env.local.armEndpoint}${path}`, { method, ca: env.local.caCertPem, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => (res.statusCode! < 300 ? resolve(JSON.parse(text)) : reject(new Error(`${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

test('a 500 on one route: the SDK retries past one failure, and a lasting failure reaches the caller', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  const once = env.local.faults.add({ route: 'disks.list', status: 500, code: 'InternalServerError', times: 1 });
  const disks = await collect(compute.disks.list());
  assert.ok(disks.length > 0);
  assert.equal(env.local.faults.list().find((f) => f.id === once)?.fired, 1);
  env.local.faults.remove(once);

  env.local.faults.add({ route: 'disks.get', status: 409, code: 'OperationNotAllowed', message: 'Injected conflict' });
  await assert.rejects(compute.disks.get('rg-web-prod-japaneast', 'disk-orphan-logs-01'), (e: any) => e.statusCode === 409 && armErrorCode(e) === 'OperationNotAllowed');
  // Other routes are untouched.
  assert.ok((await compute.snapshots.get('rg-web-prod-japaneast', 'snap-vm-web-01-os-20250601')).id);
  env.local.faults.clear();
});

test('every n-th call fails (path glob)', async () => {
  env.local.faults.add({ path: '/subscriptions/*/providers/Microsoft.KeyVault/vaults', status: 429, code: 'TooManyRequests', everyNth: 2, retryAfterSeconds: 0 });
  const client = env.keyVault(PROD_SUBSCRIPTION);
  await collect(client.vaults.listBySubscription()); // 1st call passes
  const vaults = await collect(client.vaults.listBySubscription()); // 2nd is throttled, the SDK retries
  assert.equal(vaults.length, 2);
  const rule = env.local.faults.list()[0];
  assert.ok(rule.fired >= 1, 'the throttle fired and the SDK retried past it');
  env.local.faults.clear();
});

test('latency per route and globally', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  env.local.faults.add({ route: 'virtualMachines.get', latencyMs: 300 });
  let t0 = performance.now();
  await compute.virtualMachines.get('rg-web-prod-japaneast', 'vm-web-01');
  assert.ok(performance.now() - t0 >= 290);
  env.local.faults.clear();
  env.local.faults.globalLatencyMs = 120;
  t0 = performance.now();
  await compute.disks.get('rg-web-prod-japaneast', 'disk-orphan-logs-01');
  assert.ok(performance.now() - t0 >= 110);
  env.local.faults.clear();
});

test('the admin endpoint switches faults from another process; an LRO can be made to fail', async () => {
  const view = await admin('POST', '/__admin/faults', { route: 'virtualMachines.deallocate', operationOutcome: 'Failed', code: 'AllocationFailed', message: 'Injected allocation failure.' });
  assert.equal(view.faults.length, 1);
  const compute = env.compute(PROD_SUBSCRIPTION);
  await assert.rejects(compute.virtualMachines.deallocate('rg-web-prod-japaneast', 'vm-web-02', env.poll).pollUntilDone(), (e: any) => /AllocationFailed|Injected allocation failure/.test(`${e.code} ${e.message}`));
  const vm = await compute.virtualMachines.instanceView('rg-web-prod-japaneast', 'vm-web-02');
  assert.equal(vm.statuses?.find((s) => s.code?.startsWith('PowerState/'))?.code, 'PowerState/running', 'a failed deallocate leaves the VM running');
  assert.equal((await admin('DELETE', '/__admin/faults')).faults.length, 0);

  await admin('POST', '/__admin/state', { powerStates: { [vm.computerName ? `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/rg-web-prod-japaneast/providers/Microsoft.Compute/virtualMachines/vm-web-02` : '']: 'deallocated' } });
  assert.equal((await compute.disks.get('rg-web-prod-japaneast', 'vm-web-02_OsDisk_1_0a7e6b5c4d3f')).diskState, 'Reserved');
  const requests = await admin('GET', '/__admin/requests');
  assert.ok(requests.some((r: any) => r.route === 'disks.get' && r.status === 200));
});
