import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { InventoryStore } from '../../../src/azure/inventory/SubscriptionInventory.ts';
import { buildsToFollow } from '../../../src/core/imageBuilder/buildsToFollow.ts';

const id = (name: string) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.VirtualMachineImages/imageTemplates/${name}`;

test('a listing showing Running or Canceling builds nobody watches yet: those are followed', () => {
  const listing = [
    { id: id('running'), lastRunStatus: { runState: 'Running', runSubState: 'Customizing' } },
    { id: id('canceling'), lastRunStatus: { runState: 'Canceling' } },
    { id: id('watched'), lastRunStatus: { runState: 'Running' } },
    { id: id('done'), lastRunStatus: { runState: 'Succeeded' } },
    { id: id('never') },
  ];
  assert.deepEqual(buildsToFollow(listing, (x) => x === id('watched')), [id('running'), id('canceling')]);
});

test('the inventory tells its listeners every fresh listing (not the cached ones)', async () => {
  let calls = 0;
  const store = new InventoryStore(async () => { calls++; return [{ id: id('running'), lastRunStatus: { runState: 'Running' } }]; });
  const heard: unknown[][] = [];
  const subscription = store.onDidList((_session, kind, items) => heard.push([kind, items.length]));
  const session = { tenantId: 't', subscriptionId: 's' } as SubscriptionSession;
  await store.for(session).get('imageTemplate');
  await store.for(session).get('imageTemplate');
  store.for(session).invalidate('imageTemplate');
  await store.for(session).get('imageTemplate');
  subscription.dispose();
  store.for(session).invalidate('imageTemplate');
  await store.for(session).get('imageTemplate');
  assert.equal(calls, 3);
  assert.deepEqual(heard, [['imageTemplate', 1], ['imageTemplate', 1]]);
});
