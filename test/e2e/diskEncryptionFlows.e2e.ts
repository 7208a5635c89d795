// The Azure Disk Encryption flows as a person meets them on a VM with data disks (vm-web-01, two data disks), in
// code-server against the local Azure with its Key Vault data plane (fixture 'ade-key-vault'):
//  1. Enable with EncryptFormatAll: the operation and volume type pickers, a new HSM key encryption key in a Premium
//     vault, RSA-OAEP-256 in the algorithm picker, the explanation of what is formatted, a wrong VM name refused
//     (nothing sent to Azure), the right one accepted, watched to Encrypted.
//  2. Enable again on it: the key vault, KEK and algorithm in use are kept (article 004), not asked.
//  3. On that data-only encrypted VM: Remove before Disable warns that the disks stay encrypted; Disable decrypts the
//     data volumes, then "Remove Extension" is offered and removes it (in the stand-in and in the tree).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { buildHostsExtension } from '../azure-local/keyvault/buildHostsExtension.ts';
import { ADE_KEY_VAULT_FIXTURE, LOCAL_VAULTS } from '../azure-local/keyvault/adeKeyVaultFixture.ts';
import { extensionVsix, realExtensionSkipReason } from './harness/session.ts';
import { useResourceViewSession } from './harness/useResourceViewSession.ts';

const PROD = 'Contoso Production';
const VM = [PROD, 'Virtual machines', 'vm-web-01'];

type StandInVm = { resource: { id: string; resources?: Array<{ name: string; properties: { settings?: Record<string, string> } }> } };

describe('Azure Disk Encryption on a VM with data disks', { skip: realExtensionSkipReason() }, () => {
  const s = useResourceViewSession({ name: 'disk-encryption-flows', vsixFiles: [extensionVsix, buildHostsExtension()], localAzure: true, fixture: ADE_KEY_VAULT_FIXTURE });

  const dialog = () => s.wb.dialog();
  const dialogButton = (text: string) => s.wb.dialogButton(text);
  const vmDescription = async () => (await s.wb.rowInfo(await s.wb.treeRow(VM))).description;
  const waitForVmDescription = (pattern: RegExp, timeoutMs = 60_000) => s.wb.waitForRowDescription(VM, pattern, timeoutMs);
  /** GET on the stand-in's admin endpoint (no auth, its own CA). */
  function admin<T>(path: string): Promise<T> {
    const info = s.azure!.info;
    return new Promise((resolve, reject) => {
      const req = request(new URL(info.armEndpoint.replace(/\/$/, '') + path), { ca: info.caCertPem }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text) as T));
      });
      req.on('error', reject);
      req.end();
    });
  }
  /** The extension PUTs the stand-in answered for vm-web-01 (the path carries the query: match up to it). */
  const extensionPuts = async () => (await admin<Array<{ method: string; path: string; route?: string }>>('/__admin/requests'))
    .filter((r) => r.route === 'virtualMachineExtensions.createOrUpdate' && /\/virtualMachines\/vm-web-01\/extensions\/AzureDiskEncryptionForLinux\?/i.test(r.path));
  async function adeExtensionInStandIn() {
    const state = await admin<{ virtualMachines: StandInVm[] }>('/__admin/state');
    const vm = state.virtualMachines.find((v) => v.resource.id.endsWith('/virtualMachines/vm-web-01'));
    return vm?.resource.resources?.find((r) => r.name === 'AzureDiskEncryptionForLinux');
  }
  async function dialogText(pattern: RegExp): Promise<string> {
    await dialog().waitFor({ timeout: 60_000 });
    const deadline = Date.now() + 30_000;
    let text = await dialog().innerText();
    while (!pattern.test(text) && Date.now() < deadline) {
      await s.wb.page.waitForTimeout(200);
      text = await dialog().innerText().catch(() => '');
    }
    assert.match(text, pattern);
    return text;
  }

  it('EncryptFormatAll with a new KEK and RSA-OAEP-256: explained, the typed VM name checked, watched to Encrypted', async () => {
    const { wb } = s;
    await wb.treeRow([PROD], 60_000);
    await wb.expandAndWaitForChildren([PROD]);
    await wb.expandAndWaitForChildren([PROD, 'Virtual machines']);
    assert.equal(await vmDescription(), 'Running · Standard_D4s_v5');
    await wb.contextMenu(await wb.treeRow(VM), 'Enable Disk Encryption…');

    // The doctor: data-01 has no snapshot (and the others only old ones); take them.
    await dialogText(/stop Azure Disk Encryption on vm-web-01/);
    await dialogButton('Snapshot Every Disk Now').click();

    // How: in place or EncryptFormatAll.
    const operations = await wb.quickPickItems(/How should the data volumes be encrypted\?/, 60_000);
    assert.deepEqual(operations, ['Encrypt in place', 'EncryptFormatAll (data volumes only)']);
    await wb.pick('EncryptFormatAll (data volumes only)');

    // Which volumes: EncryptFormatAll formats data volumes, so only Data can be chosen; the others say why.
    await wb.quickPickItems(/Which volumes of vm-web-01 should be encrypted/);
    const volumeTypes = await wb.quickPickEntries();
    assert.deepEqual(volumeTypes.map((e) => [e.label, e.description]), [
      ['All: OS and data volumes', 'Not available'],
      ['OS: the OS volume only', 'Not available'],
      ['Data: the data volumes only', 'Recommended'],
    ]);
    assert.match(volumeTypes[0].detail, /EncryptFormatAll formats data volumes, so it runs with the "Data" volume type only/);
    await wb.screenshot('ade-flows-1-volume-type');
    await wb.pick('Data: the data volumes only');

    // The key vault step: a ready Premium vault, a new HSM-protected key, then the wrapping algorithm.
    await wb.pick(LOCAL_VAULTS.premiumReady, /Key vault for the disk encryption keys of vm-web-01/);
    await wb.pick('Create a new key…', new RegExp(`Key encryption key in ${LOCAL_VAULTS.premiumReady}`));
    const name = await wb.inputBox(/New key encryption key in kv-ade-premium-jpe/);
    assert.equal(await name.inputValue(), 'kek-vm-web-01');
    await wb.page.keyboard.press('Enter');
    await wb.pick('RSA-HSM 3072 (HSM-protected)', /Key type and size/);
    const algorithms = await wb.quickPickItems(/Key encryption algorithm/, 60_000);
    assert.deepEqual(algorithms, ['RSA-OAEP', 'RSA-OAEP-256', 'RSA1_5']);
    await wb.screenshot('ade-flows-2-algorithm');
    await wb.pick('RSA-OAEP-256');

    // What EncryptFormatAll formats, and that the data on it is lost.
    const explanation = await dialogText(/EncryptFormatAll formats data partitions of vm-web-01: all data on them is lost\./);
    assert.match(explanation, /• Root, OS or boot partition: never formatted\./);
    assert.match(explanation, /What EncryptFormatAll does with each partition:/);
    assert.match(explanation, /• Temporary disk: it will be formatted and encrypted/);
    assert.match(explanation, /• Not mounted: excluded/);
    assert.match(explanation, /unmount it before you start/);
    await wb.screenshot('ade-flows-3-format-all-explained');
    await dialogButton('I Understand, Continue').click();

    // The VM's name, typed: a wrong one is refused and nothing reaches Azure.
    const typed = await wb.inputBox(/Type the VM name to confirm EncryptFormatAll/);
    await typed.fill('vm-web-02');
    const validation = wb.page.locator('.quick-input-widget:not([style*="display: none"]) .quick-input-message');
    await validation.filter({ hasText: 'Type "vm-web-01" exactly.' }).waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForTimeout(1000);
    assert.equal(await typed.isVisible(), true, 'the input stays open');
    await wb.screenshot('ade-flows-4-wrong-name');
    assert.deepEqual(await extensionPuts(), [], 'nothing was sent to Azure');
    await typed.fill('vm-web-01');
    await wb.page.keyboard.press('Enter');

    // The last confirmation names the key and algorithm; then the run is watched to the end (no restart: data only).
    const confirm = await dialogText(/Encrypt vm-web-01 \(EncryptFormatAll, volume type Data\)\?/);
    assert.match(confirm, new RegExp(`Key vault: ${LOCAL_VAULTS.premiumReady}`));
    assert.match(confirm, /Key encryption key: https:\/\/kv-ade-premium-jpe\.vault\.local-azure\.test:\d+\/keys\/kek-vm-web-01\/[0-9a-f]{32} \(RSA-OAEP-256\)/);
    await dialogButton('Encrypt').click();
    await wb.waitForNotification(/vm-web-01: Encryption is complete/, 90_000);
    assert.equal(await waitForVmDescription(/ADE encrypted$/), 'Running · Standard_D4s_v5 · ADE encrypted');
    await wb.screenshot('ade-flows-5-encrypted');
    // One report for the whole flow (blocked, then clear, then the full check): updated in place, not a tab per check.
    const reportTabs = await wb.page.locator('.tabs-container .tab', { hasText: 'vm-web-01-ade-preflight.md' }).count();
    assert.equal(reportTabs, 1);
    assert.match(await wb.activeEditorText().catch(() => ''), /Operation: EncryptFormatAll, volume type Data/);

    // What Azure got: one extension PUT with EncryptFormatAll, Data, the new KEK and RSA-OAEP-256.
    assert.equal((await extensionPuts()).length, 1);
    const settings = (await adeExtensionInStandIn())?.properties.settings ?? {};
    assert.equal(settings.EncryptionOperation, 'EnableEncryptionFormatAll');
    assert.equal(settings.VolumeType, 'Data');
    assert.equal(settings.KeyEncryptionAlgorithm, 'RSA-OAEP-256');
    assert.match(settings.KeyEncryptionKeyURL ?? '', /\/keys\/kek-vm-web-01\/[0-9a-f]{32}$/);
    await wb.clearNotifications();
  });

  it('enable again on the encrypted VM: the key vault, KEK and algorithm it uses are kept, not asked (article 004)', async () => {
    const { wb } = s;
    const putsBefore = (await extensionPuts()).length;
    await wb.contextMenu(await wb.treeRow(VM), 'Enable Disk Encryption…');
    // Snapshots were just taken: nothing blocks, the questions come straight away.
    await wb.pick('Encrypt in place', /How should the data volumes be encrypted\?/);
    await wb.waitForNotification(/format the new disk and mount it in the VM, and list it in \/etc\/fstab/);
    await wb.quickPickItems(/Which volumes of vm-web-01 should be encrypted/);
    const data = (await wb.quickPickEntries()).find((e) => e.label.startsWith('Data'));
    assert.equal(data?.description, 'Recommended');
    await wb.pick('Data: the data volumes only');
    // No vault, KEK or algorithm picker: the confirmation names the ones in use and says why.
    const confirm = await dialogText(/Encrypt vm-web-01 \(volume type Data\)\?/);
    assert.match(confirm, new RegExp(`Key vault: ${LOCAL_VAULTS.premiumReady}`));
    assert.match(confirm, /Key encryption key: https:\/\/kv-ade-premium-jpe\.vault\.local-azure\.test:\d+\/keys\/kek-vm-web-01\/[0-9a-f]{32} \(RSA-OAEP-256\)/);
    assert.match(confirm, /are the ones this VM is already encrypted with: changing the encryption keys of an encrypted Linux VM is not supported/);
    await wb.screenshot('ade-flows-5b-keys-kept');
    await wb.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal((await extensionPuts()).length, putsBefore, 'cancelled: nothing sent');
    await wb.clearNotifications();
  });

  it('data-only encrypted: Remove first warns; Disable decrypts, then Remove Extension is offered and removes it', async () => {
    const { wb } = s;
    // Removing before disabling: the disks would stay encrypted, and disabling later reinstalls the extension.
    await wb.contextMenu(await wb.treeRow(VM), 'Remove Disk Encryption Extension…');
    const warning = await dialogText(/Remove the Azure Disk Encryption extension from vm-web-01\?/);
    assert.match(warning, /The disks stay encrypted if you remove the extension now/);
    assert.match(warning, /the extension is installed again and you will have to remove it once more/);
    assert.equal(await dialogButton('Remove Anyway').isVisible(), true);
    await wb.screenshot('ade-flows-6-remove-first-warning');
    await wb.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden', timeout: 10_000 });
    assert.ok(await adeExtensionInStandIn(), 'the extension is still installed');

    // Disable: data volumes only; decrypted in place.
    await wb.contextMenu(await wb.treeRow(VM), 'Disable Disk Encryption…');
    await dialogText(/Disable encryption on the data volumes of vm-web-01\?/);
    await dialogButton('Disable Encryption').click();
    await waitForVmDescription(/ADE decrypt(ing…|ed)$/);
    const offer = await wb.waitForNotification(/the data volumes are decrypted\. Remove the Azure Disk Encryption extension now\?/, 90_000);
    assert.match(offer, /Remove Extension/);
    assert.equal(await waitForVmDescription(/ADE decrypted$/), 'Running · Standard_D4s_v5 · ADE decrypted');
    await wb.screenshot('ade-flows-7-decrypted-offer');
    await wb.page.locator('.notifications-toasts .notification-list-item', { hasText: /Remove the Azure Disk Encryption extension now/ })
      .locator('.monaco-button', { hasText: /^Remove Extension$/ }).click();

    // After disable removing is safe: a plain confirmation, then the extension is gone.
    const safe = await dialogText(/Remove the Azure Disk Encryption extension from vm-web-01\?/);
    assert.match(safe, /Removing the Azure Disk Encryption extension is now safe/);
    await dialogButton('Remove').click();
    await wb.waitForNotification(/The Azure Disk Encryption extension was removed from vm-web-01\./, 60_000);
    assert.equal(await adeExtensionInStandIn(), undefined, 'the stand-in has no ADE extension on vm-web-01');
    assert.equal(await waitForVmDescription(/^Running · Standard_D4s_v5$/), 'Running · Standard_D4s_v5');
    const disks = await wb.expandAndWaitForChildren(VM);
    assert.ok(disks.every((d) => !/ADE/.test(d.description)), JSON.stringify(disks.map((d) => d.description)));
    await wb.screenshot('ade-flows-8-extension-removed');
  });
});
