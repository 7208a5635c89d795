// A person gets key vaults ready for Azure Disk Encryption from the tree, in code-server, against the local Azure
// with its Key Vault data plane (fixture 'ade-key-vault'): "Prepare for Disk Encryption…" on a vault that is not
// enabled for disk encryption and has no purge protection -> one confirmation fixes both with one PATCH -> a new
// RSA 3072 key encryption key whose versioned URL is shown; then on a vault whose access policy lacks key create,
// the denied creation is explained (which permission, how to get it). The extension host reaches
// *.vault.local-azure.test through the E2E-only hosts extension (test/azure-local/keyvault/hostsExtension).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { buildHostsExtension } from '../azure-local/keyvault/buildHostsExtension.ts';
import { ADE_KEY_VAULT_FIXTURE, LOCAL_VAULTS } from '../azure-local/keyvault/adeKeyVaultFixture.ts';
import { extensionVsix, realExtensionSkipReason } from './harness/session.ts';
import { useResourceViewSession } from './harness/useResourceViewSession.ts';

const PROD = 'Contoso Production';
const VAULTS = [PROD, 'Key vaults'];

describe('Key vault ready for Azure Disk Encryption', { skip: realExtensionSkipReason() }, () => {
  const s = useResourceViewSession({ name: 'ade-key-vault', vsixFiles: [extensionVsix, buildHostsExtension()], localAzure: true, fixture: ADE_KEY_VAULT_FIXTURE });

  const dialog = () => s.wb.dialog();
  const dialogButton = (text: string) => s.wb.dialogButton(text);
  /** The keys the local Key Vault holds for a vault (its admin endpoint, no auth). */
  function keysInStandIn(vault: string): Promise<Array<{ name: string; kty: string; keySize: number; version: string }>> {
    const info = s.azure!.info;
    return new Promise((resolve, reject) => {
      const req = request(new URL(`${String(info.keyVaultAdminUrl)}/keys?vault=${vault}`), { ca: info.caCertPem }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      });
      req.on('error', reject);
      req.end();
    });
  }
  async function acceptInputBox(prompt: RegExp, expectedValue: string): Promise<void> {
    const input = await s.wb.inputBox(prompt);
    assert.equal(await input.inputValue(), expectedValue);
    await s.wb.page.keyboard.press('Enter');
  }

  it('fixes a vault with one confirmation and creates a key encryption key with a versioned URL', async () => {
    const { wb } = s;
    await wb.treeRow([PROD], 60_000);
    await wb.expandAndWaitForChildren([PROD]);
    const vaults = await wb.expandAndWaitForChildren(VAULTS);
    const before = vaults.find((v) => v.label === LOCAL_VAULTS.needsFixes);
    assert.equal(before?.description, 'Access policies · Disk encryption not enabled');
    await wb.contextMenu(await wb.treeRow([...VAULTS, LOCAL_VAULTS.needsFixes]), 'Prepare for Disk Encryption…');

    await dialog().waitFor({ timeout: 60_000 });
    const text = await dialog().innerText();
    assert.match(text, /Key vault kv-ade-fixme-jpe is not ready for Azure Disk Encryption\./);
    assert.match(text, /"kv-ade-fixme-jpe" is not enabled for disk encryption, so Azure cannot read the key that unlocks the disks at boot/);
    assert.match(text, /Purge protection is off on key vault "kv-ade-fixme-jpe"/);
    assert.match(text, /Turn on purge protection \(recommended; it cannot be turned off again\)/);
    await wb.screenshot('ade-key-vault-1-fixes');
    await dialogButton('Apply Fixes').click();

    const items = await wb.quickPickItems(/Key encryption key in kv-ade-fixme-jpe/, 60_000);
    assert.deepEqual(items, ['Create a new key…', 'No key encryption key']);
    await wb.pick('Create a new key…');
    await acceptInputBox(/New key encryption key in kv-ade-fixme-jpe/, 'kek-ade');
    const choices = await wb.quickPickItems(/Key type and size \(HSM-protected keys need a Premium vault\)/);
    assert.deepEqual(choices, ['RSA 2048 (software-protected)', 'RSA 3072 (software-protected)', 'RSA 4096 (software-protected)']);
    await wb.screenshot('ade-key-vault-2-key-type');
    await wb.pick('RSA 3072 (software-protected)');

    const done = await wb.waitForNotification(/is ready for Azure Disk Encryption/, 60_000);
    const url = /Key encryption key: (https:\/\/kv-ade-fixme-jpe\.vault\.local-azure\.test:\d+\/keys\/kek-ade\/([0-9a-f]{32}))/.exec(done);
    assert.ok(url, done);
    assert.match(done, /Key vault kv-ade-fixme-jpe is ready for Azure Disk Encryption of VMs in japaneast\./);
    await wb.screenshot('ade-key-vault-3-kek-created');

    // What the user got: the key in the vault (RSA 3072, the version in the URL), the vault fixed in the tree.
    const keys = await keysInStandIn(LOCAL_VAULTS.needsFixes);
    assert.deepEqual(keys.map((k) => [k.name, k.kty, k.keySize, k.version]), [['kek-ade', 'RSA', 3072, url[2]]]);
    const deadline = Date.now() + 30_000;
    let description = '';
    while (Date.now() < deadline && !/Disk encryption enabled/.test(description)) {
      description = (await wb.rowInfo(await wb.treeRow([...VAULTS, LOCAL_VAULTS.needsFixes]))).description;
      await wb.page.waitForTimeout(250);
    }
    assert.equal(description, 'Access policies · Disk encryption enabled');
    await wb.clearNotifications();
  });

  it('explains the missing permission when the vault denies creating the key', async () => {
    const { wb } = s;
    await wb.contextMenu(await wb.treeRow([...VAULTS, LOCAL_VAULTS.noKeyCreate]), 'Prepare for Disk Encryption…');
    // The vault is ready (enabled, purge protection on): no dialog, straight to the key.
    await wb.quickPickItems(/Key encryption key in kv-ade-readonly-jpe/, 60_000);
    await wb.pick('Create a new key…');
    await acceptInputBox(/New key encryption key in kv-ade-readonly-jpe/, 'kek-ade');
    await wb.pick('RSA 2048 (software-protected)', /Key type and size/);
    const error = await wb.waitForNotification(/uses access policies/, 60_000);
    assert.match(error, /Key vault "kv-ade-readonly-jpe" uses access policies, and yours lacks the key permissions create, wrapKey, unwrapKey\. Ask an owner of the vault to add them to your access policy, then try again\./);
    assert.match(error, /Copy Command/);
    await wb.screenshot('ade-key-vault-4-denied');
    assert.deepEqual(await keysInStandIn(LOCAL_VAULTS.noKeyCreate), []);
  });
});
