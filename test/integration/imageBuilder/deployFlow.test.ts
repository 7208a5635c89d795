import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { documents, resetScript, script, Uri, useFakeVscode } from '../../unit/support/fakeVscode.ts';

// "Deploy Image Template…" as a user goes through it (dialogs answered by a script) against the stand-in: the
// provider-registration prompt, errors only Azure's facts reveal stopping the deploy, tags updated in place.
useFakeVscode();
const { deployImageTemplate } = await import('../../../src/features/imageBuilder/deployImageTemplate.ts');
const { UserCancelledError } = await import('../../../src/shell/UserCancelledError.ts');
const ops = await import('../../../src/azure/imageBuilder/imageTemplateOperations.ts');
const { azureCliCredentials, listAzureCliSubscriptions } = await import('../../../src/azure/auth/listAzureCliSubscriptions.ts');
const { startLocalAzure } = await import('../../azure-local/startLocalAzure.ts');
const { localCloud } = await import('../support/localCloud.ts');
const { IMAGES_RG, linuxTemplate, PROD } = await import('./testTemplates.ts');
const { imageBuilderCatalogFor } = await import('../../azure-local/imageBuilder/imageBuilderCatalog.ts');

type Session = Awaited<ReturnType<typeof listAzureCliSubscriptions>>['subscriptions'][number];
let local: Awaited<ReturnType<typeof startLocalAzure>>;
let session: Session;
const originalPath = process.env.PATH;
// The fake's Uri stands in for vscode.Uri (the code under test checks `instanceof` against the same fake class).
const FILE = Uri.file('/ws/web.imagetemplate.json') as never;

const ctx = () => ({
  services: {
    accounts: { isSignedIn: async () => true, getSubscriptions: async () => ({ subscriptions: [session], selected: [session], failures: [] }) },
    inventories: { for: () => ({ invalidate: () => undefined, get: async () => [] }) }, tree: { redraw: () => undefined },
    logger: { trace() {}, info() {}, warn() {}, error() {} },
    documents: { put: (name: string) => Uri.from({ scheme: 'ro', path: `/${name}` }) },
  },
  workspaceState: { get: (_k: string, d: unknown) => d, update: async () => undefined },
  failedCancels: new Map<string, Date>(),
}) as never;

function writeFile(name: string, change: (t: ReturnType<typeof linuxTemplate>) => void = () => undefined): void {
  const template = linuxTemplate(name);
  change(template);
  documents.set(String(FILE), JSON.stringify({ type: 'Microsoft.VirtualMachineImages/imageTemplates', apiVersion: '2025-10-01', name, ...template }, null, 2));
}
const said = (api: string) => script.calls.filter((c) => c.api === api).map((c) => String(c.args[0]));

before(async () => {
  local = await startLocalAzure({ lroDurationMs: 100 });
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  session = (await listAzureCliSubscriptions(localCloud(local), azureCliCredentials())).subscriptions.find((s) => s.subscriptionId === PROD)!;
});
after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});
beforeEach(() => resetScript());

test('an unregistered provider is offered for registration; declining stops the deploy before anything is created', async () => {
  local.changeState({ providerRegistration: { [PROD]: { 'Microsoft.VirtualMachineImages': 'NotRegistered' } } });
  writeFile('it-deploy-a');
  script.buttons = [undefined];
  await assert.rejects(deployImageTemplate(ctx(), FILE), UserCancelledError);
  assert.equal(said('showWarningMessage')[0], 'VM Image Builder (Microsoft.VirtualMachineImages) is NotRegistered in Contoso Production. Register it now?');
  // (Read from the stand-in's state: ARM itself refuses GETs in a namespace the subscription has not registered.)
  assert.equal(local.state.get('imageTemplates', `/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}/providers/Microsoft.VirtualMachineImages/imageTemplates/it-deploy-a`), undefined);
});

test('registering it lets the deploy go on to create the template', async () => {
  writeFile('it-deploy-a');
  script.buttons = ['Register', 'Create', undefined];
  script.picks = [/^rg-images-prod$/];
  await deployImageTemplate(ctx(), FILE);
  assert.equal(local.state.subscription(PROD)?.providerRegistration?.['Microsoft.VirtualMachineImages'], 'Registered');
  assert.equal((await ops.getImageTemplateJson(session, IMAGES_RG, 'it-deploy-a'))?.properties?.provisioningState, 'Succeeded');
  const create = script.calls.find((c) => c.api === 'showInformationMessage' && /^Create the image template it-deploy-a/.test(String(c.args[0])))!;
  assert.match((create.args[1] as { detail: string }).detail, /Costs:\n• The build VM/);
  assert.ok(said('showInformationMessage').includes('The image template it-deploy-a was created in rg-images-prod.'));
});

test('only tags changed: updated in place after asking, nothing re-created', async () => {
  writeFile('it-deploy-a', (t) => { t.tags = { team: 'images', cost: 'shared' }; });
  script.picks = [/^rg-images-prod$/];
  script.buttons = ['Update'];
  await deployImageTemplate(ctx(), FILE);
  assert.equal(said('showInformationMessage')[0], 'Only tags of it-deploy-a changed. Update it in place?');
  assert.deepEqual((await ops.getImageTemplateJson(session, IMAGES_RG, 'it-deploy-a'))?.tags, { team: 'images', cost: 'shared' });
});

test('a staging resource group that already holds resources stops the deploy with that error (a fact only Azure knows)', async () => {
  writeFile('it-deploy-b', (t) => { t.properties!.stagingResourceGroup = `/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}`; });
  script.picks = [/^rg-images-prod$/];
  await assert.rejects(deployImageTemplate(ctx(), FILE), UserCancelledError);
  assert.match(said('showErrorMessage')[0], /^web\.imagetemplate\.json has 1 error\(s\) to fix before it can be deployed\. First: This resource group already holds \d+ resource\(s\)/);
  assert.equal(await ops.getImageTemplateJson(session, IMAGES_RG, 'it-deploy-b'), undefined);
});

test('a USGov region: its preview feature is registered through the SDK (no terminal), then the template is created', async () => {
  const features = imageBuilderCatalogFor(local.state).features;
  writeFile('it-deploy-gov', (t) => { t.location = 'usgovvirginia'; });
  script.buttons = ['Register', 'Create', undefined];
  script.picks = [/^rg-images-prod$/];
  await deployImageTemplate(ctx(), FILE);
  assert.equal(said('showWarningMessage')[0], 'VM Image Builder is in public preview in usgovvirginia: the feature Microsoft.VirtualMachineImages/FairfaxPublicPreview must be registered in Contoso Production first (it is NotRegistered).');
  assert.equal(features.get('microsoft.virtualmachineimages/fairfaxpublicpreview'), 'Registered');
  assert.equal(local.state.subscription(PROD)?.providerRegistration?.['Microsoft.VirtualMachineImages'], 'Registered');
  assert.equal((await ops.getImageTemplateJson(session, IMAGES_RG, 'it-deploy-gov'))?.location, 'usgovvirginia');
});
