// A person encrypts the running VM vm-web-02 (OS disk only) with Azure Disk Encryption from the tree, in code-server:
// the pre-flight doctor blocks on the missing snapshot and takes one, the questions (volume type, key vault, KEK)
// are answered, the report is read, the run is confirmed and watched: EncryptionInProgress -> VMRestartPending ->
// Restart VM -> Encrypted, in the notification and in the tree. Then the status view, and Disable refused with
// the article's reason (the OS volume is encrypted). The stand-in plays the extension (test/azure-local/arm/adeSimulator.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extensionVsix, realExtensionSkipReason } from './harness/session.ts';
import { useResourceViewSession } from './harness/useResourceViewSession.ts';

const PROD = 'Contoso Production';
const VM = [PROD, 'Virtual machines', 'vm-web-02'];

describe('Azure Disk Encryption', { skip: realExtensionSkipReason() }, () => {
  const s = useResourceViewSession({ name: 'disk-encryption', vsixFiles: [extensionVsix], localAzure: true });

  const dialog = () => s.wb.dialog();
  const dialogButton = (text: string) => s.wb.dialogButton(text);
  const vmDescription = async () => (await s.wb.rowInfo(await s.wb.treeRow(VM))).description;
  const waitForVmDescription = (pattern: RegExp, timeoutMs = 60_000) => s.wb.waitForRowDescription(VM, pattern, timeoutMs);

  it('encrypts vm-web-02 from the tree and watches it to Encrypted (with the restart)', async () => {
    const { wb } = s;
    await wb.treeRow([PROD], 60_000);
    await wb.expandAndWaitForChildren([PROD]);
    await wb.expandAndWaitForChildren([PROD, 'Virtual machines']);
    assert.equal(await vmDescription(), 'Running · Standard_D4s_v5');
    await wb.contextMenu(await wb.treeRow(VM), 'Enable Disk Encryption…');

    // Shown once: ADE retires on 15 September 2028, encryption at host is the path for new VMs.
    await wb.waitForNotification(/scheduled for retirement on 15 September 2028/);

    // The doctor runs first: no recent snapshot of the OS disk blocks, the report says why, a snapshot is offered.
    await dialog().waitFor({ timeout: 60_000 });
    assert.match(await dialog().innerText(), /1 problem\(s\) stop Azure Disk Encryption on vm-web-02/);
    assert.match(await dialog().innerText(), /has no recent snapshot/);
    await wb.waitForEditor(/vm-web-02-ade-preflight\.md/);
    await wb.screenshot('ade-preflight-blocked');
    await dialogButton('Snapshot Every Disk Now').click();

    // With the snapshot taken the questions come: volume type (Data is not offered: no data disks), then the key
    // vault step (vault in the VM's region, already fit for ADE: no fixes to confirm) and its KEK picker.
    const volumeTypes = await wb.quickPickItems(/Which volumes of vm-web-02 should be encrypted/, 60_000);
    assert.deepEqual(volumeTypes, ['All: OS and data volumes', 'OS: the OS volume only', 'Data: the data volumes only']);
    const data = (await wb.quickPickEntries()).find((e) => e.label.startsWith('Data'));
    assert.match(data?.detail ?? '', /no data disks/);
    await wb.pick('OS: the OS volume only');
    await wb.pick('kv-contoso-ade-jpe', /Key vault for the disk encryption keys of vm-web-02/);
    await wb.pick('No key encryption key', /Key encryption key in kv-contoso-ade-jpe/);

    // Nothing blocks now: the report is shown and the run is confirmed explicitly.
    await dialog().waitFor({ timeout: 60_000 });
    assert.match(await dialog().innerText(), /Encrypt vm-web-02 \(volume type OS\)\?/);
    assert.match(await dialog().innerText(), /Key vault: kv-contoso-ade-jpe/);
    await wb.screenshot('ade-confirm');
    await dialogButton('Encrypt').click();

    // Watched to the end: the notification and the tree follow the instance view.
    const progress = await wb.waitForNotification(/Azure Disk Encryption on vm-web-02.*OS volume: Encryption in progress/, 60_000);
    assert.match(progress, /avoid SSH logins/);
    await waitForVmDescription(/ADE encrypting…$/);
    await wb.screenshot('ade-encrypting');

    // VMRestartPending: the restart is asked for (the run cannot finish without it).
    await dialog().waitFor({ timeout: 60_000 });
    assert.match(await dialog().innerText(), /Restart vm-web-02 to finish encrypting the OS volume\?/);
    assert.match(await dialog().innerText(), /waits for a restart \(VMRestartPending\)/);
    await waitForVmDescription(/ADE: restart pending$/);
    await wb.screenshot('ade-restart-pending');
    await dialogButton('Restart VM').click();

    await wb.waitForNotification(/vm-web-02: Encryption is complete/, 90_000);
    assert.equal(await waitForVmDescription(/ADE encrypted$/), 'Running · Standard_D4s_v5 · ADE encrypted');
    const disks = await wb.expandAndWaitForChildren(VM);
    assert.deepEqual(disks.map((d) => d.description), ['OS disk · 4 GiB · Premium_LRS · Attached · ADE encrypted']);
    await wb.screenshot('ade-encrypted');

    // The full check's report (what was found, why it matters, what to do) is the open editor.
    await wb.waitForEditor(/vm-web-02-ade-preflight\.md/);
    const report = await wb.activeEditorText();
    assert.match(report, /# Azure Disk Encryption pre-flight check: vm-web-02/);
    assert.match(report, /Operation: volume type OS/);
    assert.match(report, /Nothing blocks encryption/);
    assert.match(report, /### Encrypting the OS volume makes the VM unavailable for hours/);
    assert.match(report, /\*\*What to do:\*\* /);
    assert.match(report, /scheduled for retirement on 15 September 2028/);
  });

  it('shows the full status from the palette, and refuses Disable because the OS volume is encrypted', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    await wb.runCommand('Azure Linux VM: Show Encryption Status');
    await wb.pick(PROD, /Select a subscription/);
    await wb.pick('vm-web-02', /Select from Virtual machines/);
    await wb.waitForEditor(/vm-web-02-encryption-status\.md/);
    const text = await wb.activeEditorText();
    assert.match(text, /# Encryption status: vm-web-02/);
    assert.match(text, /\| OS volume \| Encrypted \|/);
    assert.match(text, /\| vm-web-02_OsDisk_1_0a7e6b5c4d3f \| OS disk \| Yes \| Encrypted \|/);
    await wb.screenshot('ade-status-view');

    await wb.contextMenu(await wb.treeRow(VM), 'Disable Disk Encryption…');
    await dialog().waitFor({ timeout: 60_000 });
    assert.match(await dialog().innerText(), /Encryption cannot be disabled on vm-web-02/);
    assert.match(await dialog().innerText(), /disabling encryption is not supported on either the data or the OS volumes/);
    await wb.screenshot('ade-disable-refused');
    await wb.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('a run left waiting for its restart: the next Enable offers Restart VM in the pre-flight, follows the run, then goes on', async () => {
    const { wb } = s;
    const TL = [PROD, 'Virtual machines', 'vm-tl-01'];
    const tlDescription = async () => (await wb.rowInfo(await wb.treeRow(TL))).description;
    async function waitForTl(pattern: RegExp): Promise<string> {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const description = await tlDescription().catch(() => '');
        if (pattern.test(description)) return description;
        if (Date.now() > deadline) throw new Error(`vm-tl-01 never showed ${String(pattern)} (last: "${description}")`);
        await wb.page.waitForTimeout(250);
      }
    }
    await wb.clearNotifications();
    // Encrypt the OS volume and decline the restart when it is asked for.
    await wb.contextMenu(await wb.treeRow(TL), 'Enable Disk Encryption…');
    await dialog().waitFor({ timeout: 60_000 });
    await dialogButton('Snapshot Every Disk Now').click();
    await wb.pick('OS: the OS volume only', /Which volumes of vm-tl-01 should be encrypted/);
    await wb.pick('kv-contoso-ade-jpe', /Key vault for the disk encryption keys of vm-tl-01/);
    await wb.pick('No key encryption key', /Key encryption key in kv-contoso-ade-jpe/);
    await dialog().waitFor({ timeout: 60_000 });
    await dialogButton('Encrypt').click();
    await dialog().locator('text=/Restart vm-tl-01 to finish encrypting the OS volume/').waitFor({ timeout: 60_000 });
    await dialogButton('Cancel').click();
    await waitForTl(/ADE: restart pending$/);

    // Enable again: the pre-flight blocks on the pending restart and offers it (no snapshot offer: they are recent).
    await wb.contextMenu(await wb.treeRow(TL), 'Enable Disk Encryption…');
    await dialog().locator('text=/stop Azure Disk Encryption on vm-tl-01/').waitFor({ timeout: 60_000 });
    const blocked = await dialog().innerText();
    assert.match(blocked, /The VM waits for a restart to finish encrypting the OS volume \(VMRestartPending\)/);
    assert.equal(await dialogButton('Snapshot Every Disk Now').count(), 0);
    await wb.screenshot('ade-preflight-restart-offered');
    await dialogButton('Restart VM').click();

    // Restarted and followed to the end, then the flow goes on with fresh data (the volume type question).
    await wb.waitForNotification(/vm-tl-01: Encryption is complete/, 90_000);
    assert.match(await waitForTl(/ADE encrypted$/), /ADE encrypted$/);
    const choices = await wb.quickPickItems(/Which volumes of vm-tl-01 should be encrypted/, 60_000);
    assert.equal(choices.length, 3);
    const os = (await wb.quickPickEntries()).find((e) => e.label.startsWith('OS'));
    assert.equal(os?.description, 'Not available', 'the OS volume is encrypted now');
    await wb.closeQuickInput();
  });
});
