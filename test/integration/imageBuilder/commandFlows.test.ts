import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { resetScript, script, useFakeVscode } from '../../unit/support/fakeVscode.ts';

// The Image Builder commands as a user runs them from the tree (VS Code's dialogs answered by a script), against the
// stand-in through the real SDK clients: Cancel Build, Show Run Outputs (copy / open), Delete with a running build.
useFakeVscode();
const { azureCliCredentials, listAzureCliSubscriptions } = await import('../../../src/azure/auth/listAzureCliSubscriptions.ts');
const ops = await import('../../../src/azure/imageBuilder/imageTemplateOperations.ts');
const { cancelBuild } = await import('../../../src/features/imageBuilder/buildImageTemplate.ts');
const { showRunOutputs } = await import('../../../src/features/imageBuilder/showRunOutputs.ts');
const { deleteImageTemplate } = await import('../../../src/features/imageBuilder/deleteImageTemplate.ts');
const { buildSimulatorFor } = await import('../../azure-local/imageBuilder/BuildSimulator.ts');
const { UserCancelledError } = await import('../../../src/shell/UserCancelledError.ts');
const { startLocalAzure } = await import('../../azure-local/startLocalAzure.ts');
const { localCloud } = await import('../support/localCloud.ts');
const { IMAGES_RG, linuxTemplate, PROD } = await import('./testTemplates.ts');

type Session = Awaited<ReturnType<typeof listAzureCliSubscriptions>>['subscriptions'][number];
let local: Awaited<ReturnType<typeof startLocalAzure>>;
let session: Session;
const originalPath = process.env.PATH;
const fast = { pollIntervalMs: 20 };
let redraws = 0;
const ctx = () => ({
  services: {
    inventories: { for: () => ({ invalidate: () => undefined }) }, tree: { redraw: () => { redraws++; } },
    logger: { trace() {}, info() {}, warn() {}, error() {} },
  },
  workspaceState: { get: (_k: string, d: unknown) => d, update: async () => undefined },
  failedCancels: new Map<string, Date>(),
}) as never;
const node = (name: string) => {
  const id = `/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}/providers/Microsoft.VirtualMachineImages/imageTemplates/${name}`;
  return { id, kind: 'imageTemplate', session, resource: { id, name } } as never;
};
const runState = async (name: string) => ((await ops.getImageTemplateJson(session, IMAGES_RG, name))?.properties?.lastRunStatus as { runState?: string } | undefined)?.runState;
const messages = (api: string) => script.calls.filter((c) => c.api === api).map((c) => String(c.args[0]));

before(async () => {
  local = await startLocalAzure({ lroDurationMs: 100 });
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  session = (await listAzureCliSubscriptions(localCloud(local), azureCliCredentials())).subscriptions.find((s) => s.subscriptionId === PROD)!;
  await ops.createImageTemplate(session, IMAGES_RG, 'it-cmd', linuxTemplate('cmd'), fast);
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

beforeEach(() => resetScript());

test('Cancel Build asks first, then the build ends Canceled and the user is told', async () => {
  buildSimulatorFor(local.state).stepMs = 400;
  await ops.startImageBuild(session, IMAGES_RG, 'it-cmd', fast);
  script.buttons = [undefined];
  await assert.rejects(cancelBuild(ctx(), node('it-cmd')));
  assert.equal(await runState('it-cmd'), 'Running', 'dismissing the question cancels nothing');
  script.buttons = ['Cancel Build'];
  await cancelBuild(ctx(), node('it-cmd'));
  assert.equal(await runState('it-cmd'), 'Canceled');
  assert.deepEqual(messages('showWarningMessage'), ['Cancel the build of it-cmd?', 'Cancel the build of it-cmd?']);
  assert.ok(messages('showInformationMessage').includes('The build of it-cmd was cancelled.'));
  assert.ok(redraws > 0, 'the tree is redrawn');
});

test('Show Run Outputs copies the image id and opens the VHD URI', async () => {
  buildSimulatorFor(local.state).stepMs = 40;
  await ops.startImageBuild(session, IMAGES_RG, 'it-cmd', fast);
  for (let i = 0; i < 200 && (await runState('it-cmd')) !== 'Succeeded'; i++) await new Promise((r) => setTimeout(r, 25));
  script.picks = [/^cmd-image$/, /Copy Artifact ID/];
  await showRunOutputs(ctx(), node('it-cmd'));
  const [outputs] = script.calls.find((c) => c.api === 'showQuickPick')!.args as [string[]];
  assert.deepEqual(outputs.sort(), ['cmd-image', 'cmd-vhd']);
  assert.deepEqual(script.calls.filter((c) => c.api === 'clipboard.writeText').map((c) => c.args[0]),
    [`/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}/providers/Microsoft.Compute/images/img-cmd`]);
  resetScript();
  script.picks = [/^cmd-vhd$/, /Open VHD URI/];
  await showRunOutputs(ctx(), node('it-cmd'));
  const opened = script.calls.filter((c) => c.api === 'openExternal').map((c) => String(c.args[0]));
  assert.equal(opened.length, 1);
  assert.match(opened[0], /\/vhds\/it-cmd_\d+\.vhd/);
});

test('Delete of a running template cancels its build first, after one confirmation, and the template is gone', async () => {
  buildSimulatorFor(local.state).stepMs = 400;
  await ops.startImageBuild(session, IMAGES_RG, 'it-cmd', fast);
  script.buttons = ['Cancel Build and Delete'];
  await deleteImageTemplate(ctx(), node('it-cmd'));
  assert.match(messages('showWarningMessage')[0], /^it-cmd is building\. Cancel the build and then delete the template\?/);
  assert.equal(await ops.getImageTemplateJson(session, IMAGES_RG, 'it-cmd'), undefined);
  assert.ok(messages('showInformationMessage').includes('The image template it-cmd was deleted.'));
});

test('a cancel that fails stops the delete; the next Delete explains instead of cancelling again', async () => {
  await ops.createImageTemplate(session, IMAGES_RG, 'it-stuck', linuxTemplate('stuck'), fast);
  buildSimulatorFor(local.state).stepMs = 2000;
  await ops.startImageBuild(session, IMAGES_RG, 'it-stuck', fast);
  const rule = local.faults.add({ route: 'imageTemplates.cancel', status: 500, code: 'InternalServerError', message: 'The cancel could not be processed (injected).', times: 100 });
  const shared = ctx();
  try {
    script.buttons = ['Cancel Build and Delete'];
    await assert.rejects(deleteImageTemplate(shared, node('it-stuck')), /^Error: The build of it-stuck could not be cancelled, so it was not deleted: /);
    resetScript();
    const cancels = local.state.requestLog.filter((r) => r.route === 'imageTemplates.cancel').length;
    await deleteImageTemplate(shared, node('it-stuck'));
    assert.match(messages('showInformationMessage')[0], /^The build of it-stuck could not be cancelled, so the template cannot be deleted yet\. Cancelling again would fail the same way/);
    assert.equal(messages('showWarningMessage').length, 0, 'nothing to confirm: nothing is tried');
    assert.equal(local.state.requestLog.filter((r) => r.route === 'imageTemplates.cancel').length, cancels);
    assert.ok(await ops.getImageTemplateJson(session, IMAGES_RG, 'it-stuck'));
  } finally {
    local.faults.remove(rule);
    buildSimulatorFor(local.state).stepMs = 40;
  }
});

test('Show Build Log cancelled while it waits for the log stops quietly, without claiming the template was never built', async () => {
  const { BuildLogViewer } = await import('../../../src/features/imageBuilder/BuildLogViewer.ts');
  // A template whose build runs but whose staging storage account does not exist yet: the viewer keeps looking.
  const running = 'it-ubuntu2404-hardened';
  const staging = String((await ops.getImageTemplateJson(session, IMAGES_RG, running))?.properties?.exactStagingResourceGroup);
  local.state.put('resourceGroups', { resource: { id: staging, name: staging.split('/').pop()!, type: 'Microsoft.Resources/resourceGroups', location: 'japaneast', properties: { provisioningState: 'Succeeded' } } });
  script.cancelProgress = true;
  const viewer = new BuildLogViewer(ctx());
  await assert.rejects(viewer.show(node(running)), UserCancelledError);
  script.cancelProgress = false;
  viewer.dispose();
});
