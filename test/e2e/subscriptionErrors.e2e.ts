// When Azure refuses one subscription's VM listing, the tree says so in place (an error row with Retry) and the
// other subscription keeps listing; once the cause is gone, Retry brings the VMs back. A tenant the Azure CLI has
// no login for shows as a row to sign in to it, instead of its subscriptions silently missing.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionVsix, realExtensionSkipReason, startSession, type E2ESession } from './harness/session.ts';

const PROD = 'Contoso Production';
const DEV = 'Contoso Dev/Test';
const DEV_SUBSCRIPTION_ID = 'b71e5d04-2c9a-4f3e-8d61-0a9c4e7b2f85';

describe('A subscription whose listing fails', { skip: realExtensionSkipReason() }, () => {
  let s: E2ESession;
  before(async () => {
    // The CLI is logged in to the home tenant only (the fake az reads this file when it is named): Fabrikam, a tenant
    // of the account with no subscriptions of its own here, needs `az login --tenant`.
    const homeOnlyConfig = join(process.cwd(), '.e2e', 'subscription-errors-az-config.json');
    process.env.LOCAL_AZURE_AZ_CONFIG = homeOnlyConfig;
    s = await startSession({ name: 'subscription-errors', vsixFiles: [extensionVsix], localAzure: true });
    const config = JSON.parse(readFileSync(join(s.azure!.info.azBinDir, 'az-config.json'), 'utf8')) as { tenants: Array<{ displayName: string }> };
    writeFileSync(homeOnlyConfig, JSON.stringify({ ...config, tenants: config.tenants.filter(t => t.displayName === 'Contoso') }));
    await s.wb.openViewContainer('Azure Linux VMs');
    await s.wb.setSideBarWidth(760);
  });
  afterEach(async t => {
    await s?.screenshotIfFailed(t);
  });
  after(async () => {
    delete process.env.LOCAL_AZURE_AZ_CONFIG;
    await s?.stop();
  });

  it('shows an error row with Retry while the other subscription still lists, and recovers on Retry', async () => {
    const { wb, azure } = s;
    assert.ok(azure);
    // Both list at first.
    await wb.expandAndWaitForChildren([DEV]);
    assert.deepEqual((await wb.expandAndWaitForChildren([DEV, 'Virtual machines'])).map(r => r.label), ['vm-build-01', 'vm-lab-01']);
    await wb.expandAndWaitForChildren([PROD]);
    await wb.expandAndWaitForChildren([PROD, 'Virtual machines']);

    // Azure starts refusing Dev/Test's VM listing (a role assignment was removed); the user refreshes.
    await azure.setFaults({
      path: `/subscriptions/${DEV_SUBSCRIPTION_ID}/providers/Microsoft.Compute/virtualMachines`,
      method: 'GET',
      status: 403,
      code: 'AuthorizationFailed',
      message: `The client 'aiko.tanaka@contoso.com' does not have authorization to perform action 'Microsoft.Compute/virtualMachines/read' over scope '/subscriptions/${DEV_SUBSCRIPTION_ID}'.`,
    });
    await wb.clickViewTitleAction('Refresh');

    const errorRow = await wb.treeRow([DEV, 'Virtual machines', 'Could not list Virtual machines'], 60_000);
    const error = await wb.rowInfo(errorRow);
    // ARM's code and its own sentence, not the SDK's "Pagination failed with unexpected statusCode 403"
    assert.match(error.description, /^AuthorizationFailed: The client 'aiko\.tanaka@contoso\.com' does not have authorization to perform action 'Microsoft\.Compute\/virtualMachines\/read'/);
    assert.match(await wb.tooltipOf(errorRow), /Select to retry/);
    // the other subscription is unaffected
    const prodVms = await wb.expandAndWaitForChildren([PROD, 'Virtual machines']);
    assert.deepEqual(prodVms.map(r => r.label), ['vm-batch-01', 'vm-db-01', 'vm-tl-01', 'vm-web-01', 'vm-web-02']);
    await errorRow.hover(); // shows the row's inline Retry button in the screenshot
    await wb.screenshot('subscription-error', { keepMouse: true });

    // The permission comes back; Retry on the error row lists the VMs again.
    await azure.clearFaults();
    await wb.clickRowAction(await wb.treeRow([DEV, 'Virtual machines', 'Could not list Virtual machines']), 'Retry');
    await wb.treeRow([DEV, 'Virtual machines', 'vm-build-01'], 30_000);
    const devVms = await wb.childrenOf([DEV, 'Virtual machines']);
    assert.deepEqual(devVms.map(r => `${r.label} | ${r.description}`), [
      'vm-build-01 | Stopped (still billed) · Standard_B2ms',
      'vm-lab-01 | Deallocated · Standard_B2s',
    ]);
    assert.deepEqual(await wb.errorNotifications(), []);
    await wb.screenshot('subscription-error-retried');
  });

  it('shows a tenant the CLI has no login for as a row that signs in to it', async () => {
    const { wb } = s;
    const row = await wb.treeRow(['Sign in to tenant Fabrikam Partners…'], 60_000);
    assert.equal((await wb.rowInfo(row)).description, 'a4b2c9d1-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    assert.equal((await wb.rowInfo(row)).level, 1, 'beside the subscriptions');
    await wb.treeRow([PROD]);
    await row.click();
    // The CLI owns its login: a terminal named "az login" opens with the tenant's login command.
    await wb.page.locator('.terminal-tabs-entry, .single-terminal-tab, .tabs-list .monaco-list-row', { hasText: 'az login' }).first()
      .or(wb.page.locator('[aria-label*="az login"]').first()).waitFor({ timeout: 30_000 });
    await wb.waitForNotification(/When "az login" has finished, refresh the Azure Linux VMs view/);
    await wb.screenshot('sign-in-to-tenant');
  });
});
