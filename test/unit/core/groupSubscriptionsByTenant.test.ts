import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupSubscriptionsByTenant } from '../../../src/core/auth/groupSubscriptionsByTenant.ts';

const sub = (name: string, tenantId: string) => ({ name, tenantId, subscriptionId: `id-${name}` });

test('subscriptions are grouped under their tenant\'s name, the default tenant first, names sorted', () => {
  const groups = groupSubscriptionsByTenant(
    [sub('Zeta Dev', 'T-2'), sub('Contoso Production', 'T-1'), sub('Alpha Lab', 'T-2'), sub('Contoso Dev/Test', 'T-1')],
    [{ tenantId: 't-1', displayName: 'Contoso' }, { tenantId: 'T-2', displayName: 'Adatum Partners' }],
  );
  assert.deepEqual(groups.map((g) => [g.label, g.subscriptions.map((s) => s.name)]), [
    ['Contoso', ['Contoso Dev/Test', 'Contoso Production']],
    ['Adatum Partners', ['Alpha Lab', 'Zeta Dev']],
  ]);
});

test('a tenant whose name is unknown is shown by its id; tenants without subscriptions are left out', () => {
  const groups = groupSubscriptionsByTenant([sub('Lab', 'T-9')], [{ tenantId: 'T-1', displayName: 'Contoso' }, { tenantId: 'T-9', displayName: ' ' }]);
  assert.deepEqual(groups.map((g) => [g.tenantId, g.label]), [['T-9', 'T-9']]);
});
