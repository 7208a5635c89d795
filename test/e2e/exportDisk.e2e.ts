// A person exports a disk as a VHD from the tree: right-click → Export as VHD… → the folder (the workspace) →
// the link's duration → the progress (notification + status bar) → the file in the workspace with the disk's
// size, and the disk Unattached again. Then a disk someone left with an active SAS is revoked from the tree.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extensionVsix, realExtensionSkipReason } from './harness/session.ts';
import { useResourceViewSession } from './harness/useResourceViewSession.ts';

const PROD = 'Contoso Production';
const GiB = 1024 ** 3;

describe('Export a disk as a VHD', { skip: realExtensionSkipReason() }, () => {
  const s = useResourceViewSession({ name: 'export-disk', vsixFiles: [extensionVsix], localAzure: true });
  const dialog = () => s.wb.dialog();
  const statusBarExport = () => s.wb.page.locator('.statusbar-item', { hasText: /disk-orphan-logs-01:/ }).first();
  const diskRow = async (name: string) => {
    const rows = await s.wb.childrenOf([PROD, 'Disks']);
    return rows.find((r) => r.label === name);
  };
  before(async () => {
    await s.wb.treeRow([PROD], 60_000);
  });

  it('right-click a disk → Export as VHD… → answer the prompts → the VHD lands in the workspace, the disk is Unattached again', async () => {
    const { wb } = s;
    await wb.expandAndWaitForChildren([PROD]);
    await wb.expandAndWaitForChildren([PROD, 'Disks']);
    assert.match((await diskRow('disk-orphan-logs-01'))!.description, /Unattached$/);
    // Slow the grant down a little so the progress can be seen (and photographed) before the download starts.
    await s.azure!.setFaults({ route: 'disks.grantAccess', latencyMs: 2500 });

    await wb.contextMenu(await wb.treeRow([PROD, 'Disks', 'disk-orphan-logs-01']), 'Export as VHD…');
    const folderChoices = await wb.quickPickItems('Where should disk-orphan-logs-01.vhd be saved?');
    assert.equal(folderChoices.length, 2);
    assert.ok(folderChoices[0].includes(s.codeServer.workspace), `the workspace folder is proposed: ${folderChoices[0]}`);
    await wb.screenshot('export-disk-folder');
    await wb.page.keyboard.press('Enter');

    const duration = await wb.inputBox('How long may the download link be used?');
    assert.equal(await duration.inputValue(), '3600', 'a 2 GiB disk gets the hour');
    // A value past 60 days is refused with a message, before anything is granted.
    await duration.fill('5184001');
    await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: /at most 5,184,000 seconds \(60 days\)/ }).waitFor();
    await wb.screenshot('export-disk-duration-too-long');
    await duration.fill('7200');
    await wb.page.keyboard.press('Enter');

    const progress = await wb.waitForNotification(/Exporting disk-orphan-logs-01/, 30_000);
    assert.match(progress, /Granting read access to disk-orphan-logs-01/);
    await statusBarExport().waitFor({ timeout: 10_000 });
    await wb.screenshot('export-disk-progress');
    await s.azure!.clearFaults();

    const done = await wb.waitForNotification(/Exported disk-orphan-logs-01\.vhd/, 120_000);
    assert.match(done, /Access was revoked/);
    assert.match(done, /empty and not downloaded/);
    const file = join(s.codeServer.workspace, 'disk-orphan-logs-01.vhd');
    assert.ok(existsSync(file), `${file} exists`);
    assert.equal(statSync(file).size, 2 * GiB + 512, 'the VHD has the disk\'s size plus its footer');
    assert.ok(statSync(file).blocks * 512 < 64 * 1024 * 1024, 'and is sparse on disk');
    assert.equal(existsSync(`${file}.partial`), false);

    // The tree is refreshed: the disk is Unattached again (access revoked).
    const deadline = Date.now() + 30_000;
    while (!/Unattached$/.test((await diskRow('disk-orphan-logs-01'))?.description ?? '')) {
      if (Date.now() > deadline) throw new Error(`disk-orphan-logs-01 shows ${(await diskRow('disk-orphan-logs-01'))?.description}`);
      await wb.page.waitForTimeout(500);
    }
    assert.deepEqual(await wb.errorNotifications(), []);
    await wb.screenshot('export-disk-done');
  });

  it('a running VM\'s disk: the warning says why, a snapshot keeps the VM running, and the snapshot\'s VHD is named after the disk', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    await wb.collapse([PROD, 'Disks']);
    await wb.expandAndWaitForChildren([PROD, 'Virtual machines']);
    await wb.expandAndWaitForChildren([PROD, 'Virtual machines', 'vm-web-02']);
    await wb.contextMenu(await wb.treeRow([PROD, 'Virtual machines', 'vm-web-02', 'vm-web-02_OsDisk_1_0a7e6b5c4d3f']), 'Export as VHD…');
    await dialog().waitFor({ timeout: 30_000 });
    const warning = await dialog().innerText();
    assert.match(warning, /is attached to vm-web-02, which is running\. Azure cannot export a disk of a VM that is not deallocated/);
    assert.match(warning, /Stops compute billing and takes vm-web-02 offline \(downtime\)[\s\S]*Stop without deallocate is not enough/);
    assert.match(warning, /crash-consistent/);
    await wb.screenshot('export-disk-running-vm');
    await dialog().getByRole('button', { name: 'Use a Snapshot…' }).click();
    await wb.pick('Incremental snapshot', 'Which kind of snapshot?');
    await wb.quickPickItems('Where should vm-web-02_OsDisk_1_0a7e6b5c4d3f.vhd be saved?');
    await wb.page.keyboard.press('Enter');
    await wb.inputBox('How long may the download link be used?');
    await wb.page.keyboard.press('Enter');
    const done = await wb.waitForNotification(/Exported vm-web-02_OsDisk_1_0a7e6b5c4d3f\.vhd/, 120_000);
    assert.match(done, /Access was revoked/);
    await wb.waitForNotification(/The snapshots taken for the export remain and are billed: vm-web-02_OsDisk_1_0a7e6b5c4d3f-export-/);
    assert.equal(statSync(join(s.codeServer.workspace, 'vm-web-02_OsDisk_1_0a7e6b5c4d3f.vhd')).size, 4 * GiB + 512);
    const vms = await wb.childrenOf([PROD, 'Virtual machines']);
    assert.match(vms.find((r) => r.label === 'vm-web-02')!.description, /^Running/, 'the VM kept running');
    assert.deepEqual(await wb.errorNotifications(), []);
    await wb.screenshot('export-disk-snapshot-done');
    await wb.collapse([PROD, 'Virtual machines']);
    await wb.clearNotifications();
  });

  it('a disk left with an active SAS shows a warning and is revoked from its context menu, after a confirmation', async () => {
    const { wb } = s;
    await wb.expandAndWaitForChildren([PROD, 'Disks']);
    assert.match((await diskRow('disk-archive-2024q4'))!.description, /ActiveSAS$/);
    await wb.contextMenu(await wb.treeRow([PROD, 'Disks', 'disk-archive-2024q4']), 'Revoke Disk Access…');
    await dialog().waitFor({ timeout: 30_000 });
    assert.match(await dialog().innerText(), /Revoke access to disk-archive-2024q4\?[\s\S]*Anyone downloading with the current link is cut off/);
    await wb.screenshot('revoke-disk-access-confirm');
    await dialog().getByRole('button', { name: 'Revoke Access' }).click();
    await wb.waitForNotification(/Access to disk-archive-2024q4 was revoked/, 60_000);
    const deadline = Date.now() + 30_000;
    while (!/Unattached$/.test((await diskRow('disk-archive-2024q4'))?.description ?? '')) {
      if (Date.now() > deadline) throw new Error(`disk-archive-2024q4 shows ${(await diskRow('disk-archive-2024q4'))?.description}`);
      await wb.page.waitForTimeout(500);
    }
    assert.deepEqual(await wb.errorNotifications(), []);
    await wb.screenshot('revoke-disk-access-done');
  });
  it('a disk this window is exporting: a second export is refused at once, and revoking it warns that it ends our export', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    // Someone else holds a link to disk-archive-2024q4 again; the user exports it anyway (a slow grant keeps ours running).
    const archive = '/subscriptions/3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12/resourceGroups/rg-data-prod-eastus/providers/Microsoft.Compute/disks/disk-archive-2024q4';
    await s.azure!.setState({ diskStates: { [archive]: 'ActiveSAS' } });
    const row = [PROD, 'Disks', 'disk-archive-2024q4'];
    await wb.contextMenu(await wb.treeRow(row), /^Refresh$/);
    const deadline = Date.now() + 30_000;
    while (!/ActiveSAS$/.test((await diskRow('disk-archive-2024q4'))?.description ?? '')) {
      if (Date.now() > deadline) throw new Error(`disk-archive-2024q4 shows ${(await diskRow('disk-archive-2024q4'))?.description}`);
      await wb.page.waitForTimeout(500);
    }
    await s.azure!.setFaults({ route: 'disks.grantAccess', latencyMs: 8000 });
    await wb.contextMenu(await wb.treeRow(row), 'Export as VHD…');
    await dialog().waitFor({ timeout: 30_000 });
    assert.match(await dialog().innerText(), /already has an active download link/);
    await dialog().getByRole('button', { name: 'Export Anyway' }).click();
    await wb.quickPickItems('Where should disk-archive-2024q4.vhd be saved?');
    await wb.page.keyboard.press('Enter');
    await wb.inputBox('How long may the download link be used?');
    await wb.page.keyboard.press('Enter');
    await wb.waitForNotification(/Exporting disk-archive-2024q4/, 30_000);

    // Again on the same disk: said at once which export holds it, without offering to revoke or re-grant its link.
    await wb.contextMenu(await wb.treeRow(row), 'Export as VHD…');
    const refused = await wb.waitForNotification(/disk-archive-2024q4 is already being exported in this window/, 30_000);
    assert.match(refused, /Wait for that export to finish or cancel it first/);
    assert.equal(await dialog().isVisible(), false, 'no active-link question for our own link');
    await wb.screenshot('export-disk-already-exporting');

    // Revoking it says that our export is the one downloading; the user keeps it.
    await wb.contextMenu(await wb.treeRow(row), 'Revoke Disk Access…');
    await dialog().waitFor({ timeout: 30_000 });
    assert.match(await dialog().innerText(), /This window is exporting disk-archive-2024q4 now: revoking cuts that export off/);
    await wb.screenshot('revoke-disk-access-own-export');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await s.azure!.clearFaults();
    const done = await wb.waitForNotification(/Exported disk-archive-2024q4\.vhd/, 120_000);
    assert.match(done, /Access was revoked/);
    assert.equal(statSync(join(s.codeServer.workspace, 'disk-archive-2024q4.vhd')).size, 2 * GiB + 512);
  });

  it('an Entra-ID-secured disk: the download role is checked and the disk token is sent with the SAS', async () => {
    const { wb } = s;
    // disk-secure-export-01 requires Microsoft Entra ID for data access; the fixture's user holds Data Operator for
    // Managed Disks on its resource group, and the local Entra disk proxy refuses any download without the token.
    assert.match((await diskRow('disk-secure-export-01'))!.description, /Unattached$/);
    await wb.contextMenu(await wb.treeRow([PROD, 'Disks', 'disk-secure-export-01']), 'Export as VHD…');
    await wb.quickPickItems('Where should disk-secure-export-01.vhd be saved?');
    await wb.page.keyboard.press('Enter');
    await wb.inputBox('How long may the download link be used?');
    await wb.page.keyboard.press('Enter');
    const done = await wb.waitForNotification(/Exported disk-secure-export-01\.vhd/, 120_000);
    assert.match(done, /Access was revoked/);
    const file = join(s.codeServer.workspace, 'disk-secure-export-01.vhd');
    assert.equal(statSync(file).size, 1 * GiB + 512, 'the VHD has the disk\'s size plus its footer');
    assert.equal(existsSync(`${file}.partial`), false);
    await wb.screenshot('export-disk-entra-id-done');
  });
});
