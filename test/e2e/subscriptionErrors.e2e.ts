// When Azure refuses one subscription's VM listing, the tree says so in place (an error row with Retry) and the
// other subscription keeps listing; once the cause is gone, Retry brings the VMs back.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extensionVsix, realExtensionSkipReason, startSession, type E2ESession } from './harness/session.ts';

const PROD = 'Contoso Production';
const DEV = 'Contoso Dev/Test';
const DEV_SUBSCRIPTION_ID = 'b71e5d04-2c9a-4f3e-8d61-0a9c4e7b2f85';

describe('A subscription whose listing fails', { skip: realExtensionSkipReason() }, () => {
  let s: E2ESession;
  before(async () => {
    s = await startSession({ name: 'subscription-errors', vsixFiles: [extensionVsix], localAzure: true });
    await s.wb.openViewContainer('Azure Linux VMs');
    await s.wb.setSideBarWidth(760);
  });
  afterEach(async t => {
    await s?.screenshotIfFailed(t);
  });
  after(async () => {
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
});
