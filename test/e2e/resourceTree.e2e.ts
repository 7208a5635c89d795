// A person opens the Azure Linux VMs view and browses what the local Azure's default fixture
// (test/azure-local/fixtures/default.ts) holds: both subscriptions and their resource groups, VMs with their power
// state and disks, disk states, full and incremental snapshots, key vaults and their permission model.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extensionVsix, realExtensionSkipReason } from './harness/session.ts';
import { useResourceViewSession } from './harness/useResourceViewSession.ts';
import type { TreeRow } from './harness/workbench.ts';

const PROD = 'Contoso Production';
const DEV = 'Contoso Dev/Test';
const GROUPS = ['Virtual machines', 'Disks', 'Snapshots', 'Key vaults', 'Image templates'];
const shown = (rows: TreeRow[]) => rows.map(r => `${r.label} | ${r.description}`);

describe('Resource tree', { skip: realExtensionSkipReason() }, () => {
  const s = useResourceViewSession({ name: 'resource-tree', vsixFiles: [extensionVsix], localAzure: true });

  it('lists both subscriptions, each with its five resource groups', async () => {
    const { wb } = s;
    await wb.treeRow([PROD], 60_000);
    const top = (await wb.treeRows()).filter(r => r.level === 1);
    assert.deepEqual(shown(top), [`${DEV} | Azure CLI`, `${PROD} | Azure CLI`]);
    for (const sub of [DEV, PROD]) {
      const groups = await wb.expandAndWaitForChildren([sub]);
      assert.deepEqual(groups.map(g => g.label), GROUPS, `groups of ${sub}`);
    }
    assert.match(await wb.tooltipOf(await wb.treeRow([DEV])), /Subscription ID: b71e5d04-2c9a-4f3e-8d61-0a9c4e7b2f85/);
  });

  it('shows VMs with their power state, in both subscriptions', async () => {
    const { wb } = s;
    const devVms = await wb.expandAndWaitForChildren([DEV, 'Virtual machines']);
    assert.deepEqual(shown(devVms), [
      'vm-build-01 | Stopped (still billed) · Standard_B2ms',
      'vm-lab-01 | Deallocated · Standard_B2s',
    ]);
    await wb.collapse([DEV]);
    const vms = await wb.expandAndWaitForChildren([PROD, 'Virtual machines']);
    assert.deepEqual(shown(vms), [
      'vm-batch-01 | Deallocated · Standard_D2s_v5',
      'vm-db-01 | Deallocated · Standard_E4s_v5 · ADE encrypted',
      'vm-tl-01 | Running · Standard_D2s_v5',
      'vm-web-01 | Running · Standard_D4s_v5',
      'vm-web-02 | Running · Standard_D4s_v5',
    ]);
    const tooltip = await wb.tooltipOf(await wb.treeRow([PROD, 'Virtual machines', 'vm-tl-01']));
    assert.match(tooltip, /Power state: Running/);
    assert.match(tooltip, /Security type: Trusted Launch/);
  });

  it('expands a VM to its OS disk and data disks, each with size, SKU and disk state', async () => {
    const { wb } = s;
    const disks = await wb.expandAndWaitForChildren([PROD, 'Virtual machines', 'vm-web-01']);
    assert.deepEqual(shown(disks), [
      'vm-web-01_OsDisk_1_9f1c2d3e4a5b | OS disk · 4 GiB · Premium_LRS · Attached',
      'vm-web-01-data-00 | Data disk (LUN 0) · 2 GiB · Premium_LRS · Attached',
      'vm-web-01-data-01 | Data disk (LUN 1) · 1 GiB · StandardSSD_LRS · Attached',
    ]);
    // a hibernated VM's disks: Frozen, and a data disk being exported while frozen
    const frozen = await wb.expandAndWaitForChildren([PROD, 'Virtual machines', 'vm-batch-01']);
    assert.deepEqual(frozen.map(d => d.description.split(' · ').pop()), ['Frozen', 'ActiveSASFrozen']);
    await wb.collapse([PROD, 'Virtual machines', 'vm-batch-01']);
    assert.equal(await wb.rowIcon(await wb.treeRow([PROD, 'Virtual machines', 'vm-web-01', 'vm-web-01-data-00'])), 'plug', 'an attached disk');
    await wb.screenshot('tree-vm-disks');
    await wb.collapse([PROD, 'Virtual machines']);
  });

  it('lists disks in every state, a disk with an active SAS warning about it', async () => {
    const { wb } = s;
    const disks = await wb.expandAndWaitForChildren([PROD, 'Disks']);
    const byName = new Map(disks.map(d => [d.label, d.description]));
    assert.equal(disks.length, 14);
    assert.equal(byName.get('disk-archive-2024q4'), '2 GiB · Standard_LRS · ActiveSAS');
    assert.equal(byName.get('disk-orphan-logs-01'), '2 GiB · Standard_LRS · Unattached');
    assert.equal(byName.get('vm-db-01-data-00'), '2 GiB · Premium_LRS · Reserved');
    assert.equal(byName.get('disk-upload-staging-01'), '1 GiB · Standard_LRS · ReadyToUpload');
    assert.equal(byName.get('disk-upload-migration-02'), '1 GiB · Standard_LRS · ActiveUpload');
    // each state has its own icon, so the state reads at a glance down the list
    const iconOf = async (name: string) => wb.rowIcon(await wb.treeRow([PROD, 'Disks', name]));
    assert.deepEqual(
      { activeSas: await iconOf('disk-archive-2024q4'), unattached: await iconOf('disk-orphan-logs-01'), reserved: await iconOf('vm-db-01-data-00') },
      { activeSas: 'warning', unattached: 'debug-disconnect', reserved: 'lock' },
    );
    const tooltip = await wb.tooltipOf(await wb.treeRow([PROD, 'Disks', 'disk-archive-2024q4']));
    assert.match(tooltip, /Disk state: ActiveSAS/);
    assert.match(tooltip, /A SAS for this disk is active: someone may be downloading it/);
    await wb.collapse([PROD, 'Disks']);
  });

  it('shows snapshots as full or incremental and key vaults with their permission model', async () => {
    const { wb } = s;
    const snapshots = await wb.expandAndWaitForChildren([PROD, 'Snapshots']);
    assert.deepEqual(snapshots.map(x => `${x.label} | ${x.description.split(' · ')[0]}`), [
      'snap-vm-db-01-data-00-20250602-incr | Incremental',
      'snap-vm-tl-01-os-20250603 | Full',
      'snap-vm-web-01-data-00-20250601 | Incremental',
      'snap-vm-web-01-os-20250601 | Full',
    ]);
    const vaults = await wb.expandAndWaitForChildren([PROD, 'Key vaults']);
    assert.deepEqual(shown(vaults), [
      'kv-contoso-ade-eus | Azure RBAC · Disk encryption enabled',
      'kv-contoso-ade-jpe | Access policies · Disk encryption enabled',
    ]);
    assert.match(await wb.tooltipOf(await wb.treeRow([PROD, 'Key vaults', 'kv-contoso-ade-eus'])), /Permission model: Azure RBAC/);
    assert.deepEqual(await wb.errorNotifications(), []);
    await wb.screenshot('tree-snapshots-vaults');
  });

  it('opens a VM\'s properties from its context menu, beside the tree', async () => {
    const { wb } = s;
    await wb.collapse([PROD, 'Snapshots']);
    await wb.collapse([PROD, 'Key vaults']);
    await wb.expandAndWaitForChildren([PROD, 'Virtual machines']);
    await wb.expandAndWaitForChildren([PROD, 'Virtual machines', 'vm-web-01']);
    await wb.contextMenu(await wb.treeRow([PROD, 'Virtual machines', 'vm-web-01']), 'View Properties');
    await wb.waitForEditor(/^vm-web-01\.json/);
    const json = JSON.parse(await wb.activeEditorText()) as { id?: string; properties?: { hardwareProfile?: { vmSize?: string } } };
    assert.equal(json.id, '/subscriptions/3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12/resourceGroups/rg-web-prod-japaneast/providers/Microsoft.Compute/virtualMachines/vm-web-01');
    assert.equal(json.properties?.hardwareProfile?.vmSize, 'Standard_D4s_v5');
    await wb.expandAndWaitForChildren([PROD, 'Key vaults']);
    assert.deepEqual(await wb.errorNotifications(), []);
    await wb.screenshot('resource-tree');
  });

  it('Refresh on one row shows that resource\'s new state (a VM stopped, a disk given a SAS elsewhere)', async () => {
    const { wb } = s;
    const sub = '/subscriptions/3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12/resourceGroups/rg-web-prod-japaneast/providers/Microsoft.Compute';
    await wb.collapse([PROD, 'Key vaults']);
    // Someone else deallocates vm-web-02 and starts downloading disk-orphan-logs-01 (in the portal, with az, …).
    await s.azure!.setState({
      powerStates: { [`${sub}/virtualMachines/vm-web-02`]: 'deallocated' },
      diskStates: { [`${sub}/disks/disk-orphan-logs-01`]: 'ActiveSAS' },
    });
    // The disk first: refreshing a VM lists disks again too (its disk rows show the disks' states).
    await wb.collapse([PROD, 'Virtual machines']);
    const diskPath = [PROD, 'Disks', 'disk-orphan-logs-01'];
    await wb.expandAndWaitForChildren([PROD, 'Disks']);
    assert.equal((await wb.rowInfo(await wb.treeRow(diskPath))).description, '2 GiB · Standard_LRS · Unattached');
    await wb.contextMenu(await wb.treeRow(diskPath), /^Refresh$/);
    await waitForDescription(diskPath, '2 GiB · Standard_LRS · ActiveSAS');
    assert.equal(await wb.rowIcon(await wb.treeRow(diskPath)), 'warning', 'the icon follows the new state');
    await wb.collapse([PROD, 'Disks']);

    const vmPath = [PROD, 'Virtual machines', 'vm-web-02'];
    await wb.expandAndWaitForChildren([PROD, 'Virtual machines']);
    assert.equal((await wb.rowInfo(await wb.treeRow(vmPath))).description, 'Running · Standard_D4s_v5');
    await wb.contextMenu(await wb.treeRow(vmPath), /^Refresh$/);
    await waitForDescription(vmPath, 'Deallocated · Standard_D4s_v5');
    await wb.screenshot('tree-row-refreshed');
    assert.deepEqual(await wb.errorNotifications(), []);
  });

  async function waitForDescription(path: string[], expected: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let seen = '';
    while (Date.now() < deadline) {
      seen = (await s.wb.rowInfo(await s.wb.treeRow(path))).description;
      if (seen === expected) return;
      await new Promise(r => setTimeout(r, 250));
    }
    assert.equal(seen, expected, `${path.join(' > ')} after Refresh`);
  }
});
