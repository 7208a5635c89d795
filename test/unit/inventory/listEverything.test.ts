import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { listEverything } from '../../../src/azure/inventory/listEverything.ts';
import { InventoryStore } from '../../../src/azure/inventory/SubscriptionInventory.ts';

const session = (id: string) => ({ subscriptionId: id, tenantId: 't', name: id, accountLabel: '' }) as unknown as SubscriptionSession;

test('a subscription\'s resources start listing as soon as its tenant answered, not after every tenant', async () => {
  const started: string[] = [];
  const store = new InventoryStore(async (s, kind) => {
    started.push(`${s.subscriptionId}/${kind}`);
    return kind === 'disk' ? [{}, {}] : [];
  });
  let slowTenantAnswered = false;
  const outcomes = await listEverything(async (onFound) => {
    onFound([session('fast-1')]);
    await new Promise((r) => setTimeout(r, 30));
    // by now the fast tenant's listings have begun
    assert.ok(started.includes('fast-1/virtualMachine') && started.includes('fast-1/imageTemplate'), started.join());
    slowTenantAnswered = true;
    onFound([session('slow-1')]);
  }, store);
  assert.ok(slowTenantAnswered);
  assert.equal(outcomes.length, 10);
  assert.deepEqual(outcomes.filter((o) => o.count).map((o) => `${o.subscriptionId}:${o.count}`), ['fast-1:2', 'slow-1:2']);
});

test('a failed listing is an outcome of its own; the others still count', async () => {
  const s = session('a');
  const store = new InventoryStore(async (_s, kind) => {
    if (kind === 'keyVault') throw new Error('AuthorizationFailed');
    return [1];
  });
  const outcomes = await listEverything([s], store);
  assert.deepEqual(outcomes.map((o) => [o.kind, o.count ?? (o.error as Error).message]), [
    ['virtualMachine', 1], ['disk', 1], ['snapshot', 1], ['keyVault', 'AuthorizationFailed'], ['imageTemplate', 1],
  ]);
});
