import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { parseResourceId, sameResourceId } from '../../../src/core/resources/parseResourceId.ts';
import { portalUrlForResource } from '../../../src/core/resources/portalUrlForResource.ts';
import { presentDisk } from '../../../src/core/resources/presentDisk.ts';
import { presentImageTemplate } from '../../../src/core/resources/presentImageTemplate.ts';
import { presentKeyVault } from '../../../src/core/resources/presentKeyVault.ts';
import { presentSnapshot } from '../../../src/core/resources/presentSnapshot.ts';
import { presentVirtualMachine } from '../../../src/core/resources/presentVirtualMachine.ts';

const t = formatMessage;
const id = '/subscriptions/s1/resourceGroups/rg-web/providers/Microsoft.Compute/disks/web01-data0';

test('resource ids are parsed and compared case-insensitively', () => {
  assert.deepEqual(parseResourceId(id), { subscriptionId: 's1', resourceGroup: 'rg-web', provider: 'Microsoft.Compute', type: 'disks', name: 'web01-data0' });
  assert.equal(parseResourceId('/subscriptions/s1'), undefined);
  assert.ok(sameResourceId(id, id.toUpperCase()));
});

test('the portal link names the tenant so the right directory opens', () => {
  assert.equal(portalUrlForResource('https://portal.azure.com/', 't1', id), `https://portal.azure.com/#@t1/resource${id}/overview`);
});

test('a running VM shows its power state and size inline', () => {
  const p = presentVirtualMachine({
    name: 'web01', hardwareProfile: { vmSize: 'Standard_D2s_v5' },
    storageProfile: { dataDisks: [{ lun: 0 }] },
    instanceView: { statuses: [{ code: 'ProvisioningState/succeeded' }, { code: 'PowerState/running' }] },
  }, t);
  assert.equal(p.description, 'Running · Standard_D2s_v5');
  assert.match(p.contextValue, /\bpower-running\b/);
  assert.match(p.contextValue, /\bhasDataDisks\b/);
});

test('a stopped-but-not-deallocated VM says it is still billed', () => {
  const p = presentVirtualMachine({ name: 'x', instanceView: { statuses: [{ code: 'PowerState/stopped' }] } }, t);
  assert.match(p.description, /still billed/);
});

test('a disk with an active SAS is flagged in text, icon and contextValue', () => {
  const p = presentDisk({ name: 'd', diskSizeGB: 32, sku: { name: 'Premium_LRS' }, diskState: 'ActiveSAS' }, t, { role: 'data', lun: 1 });
  assert.equal(p.description, 'Data disk (LUN 1) · 32 GiB · Premium_LRS · ActiveSAS');
  assert.equal(p.icon.id, 'warning');
  assert.match(p.contextValue, /\bactiveSas\b/);
  assert.ok(p.tooltip.some((line) => /Revoke access/.test(line)));
});

test('an Entra-ID-secured disk says downloads need Entra ID', () => {
  const p = presentDisk({ name: 'd', diskState: 'Unattached', dataAccessAuthMode: 'AzureActiveDirectory' }, t);
  assert.match(p.contextValue, /\bentraIdAccess\b/);
  assert.doesNotMatch(p.contextValue, /\bactiveSas\b/);
});

test('snapshots say full or incremental', () => {
  assert.match(presentSnapshot({ name: 's', incremental: true, diskSizeGB: 30 }, t).description, /^Incremental · 30 GiB$/);
  assert.match(presentSnapshot({ name: 's', incremental: false }, t).contextValue, /\bfull\b/);
});

test('key vaults show their permission model and whether ADE may use them', () => {
  const rbac = presentKeyVault({ name: 'kv', properties: { enableRbacAuthorization: true, enabledForDiskEncryption: true } }, t);
  assert.equal(rbac.description, 'Azure RBAC · Disk encryption enabled');
  const policies = presentKeyVault({ name: 'kv', properties: {} }, t);
  assert.equal(policies.description, 'Access policies · Disk encryption not enabled');
  assert.match(policies.contextValue, /\baccessPolicies\b/);
});

test('image templates show the last run with its sub-state while running', () => {
  assert.equal(presentImageTemplate({ name: 'it', provisioningState: 'Succeeded', lastRunStatus: { runState: 'Running', runSubState: 'Customizing' } }, t).description, 'Running (Customizing)');
  assert.equal(presentImageTemplate({ name: 'it', provisioningState: 'Succeeded' }, t).description, 'Never run');
  assert.equal(presentImageTemplate({ name: 'it', provisioningState: 'Failed' }, t).icon.id, 'error');
});

test('a subscription row has an ARM resource ID and a portal link in its tenant, like any resource', async () => {
  const { subscriptionResourceId } = await import('../../../src/core/resources/subscriptionResourceId.ts');
  const id = subscriptionResourceId('b71e5d04-2c9a-4f3e-8d61-0a9c4e7b2f85');
  assert.equal(id, '/subscriptions/b71e5d04-2c9a-4f3e-8d61-0a9c4e7b2f85');
  assert.equal(portalUrlForResource('https://portal.azure.cn', 'tenant-1', id), 'https://portal.azure.cn/#@tenant-1/resource/subscriptions/b71e5d04-2c9a-4f3e-8d61-0a9c4e7b2f85/overview');
});

test('each disk state has its own codicon: Attached, Reserved, Unattached and ActiveSAS are told apart at a glance', () => {
  const icon = (diskState: string, role?: 'os' | 'data') => presentDisk({ name: 'd', diskState }, t, role ? { role, lun: 0 } : {}).icon;
  assert.deepEqual(icon('Attached'), { id: 'plug' });
  assert.deepEqual(icon('Attached', 'os'), { id: 'plug' }, 'under a VM too: its role is in the text');
  assert.deepEqual(icon('Reserved'), { id: 'lock' });
  assert.deepEqual(icon('Unattached'), { id: 'debug-disconnect' });
  assert.deepEqual(icon('ActiveSAS'), { id: 'warning', color: 'list.warningForeground' });
  assert.deepEqual(icon('ActiveSASFrozen'), { id: 'warning', color: 'list.warningForeground' });
  assert.equal(new Set(['Attached', 'Reserved', 'Unattached', 'ActiveSAS', 'ActiveUpload', 'Frozen'].map((s) => icon(s).id)).size, 6);
});
