import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { resetScript, script, useFakeVscode } from '../support/fakeVscode.ts';

useFakeVscode();
const { ensurePreviewFeatureRegistered } = await import('../../../src/features/imageBuilder/ensurePreviewFeatureRegistered.ts');
const { UserCancelledError } = await import('../../../src/shell/UserCancelledError.ts');

// Deploying to a preview region (USGov, China North 3) when its preview feature is not registered: the user is asked,
// and registering goes through the SDK adapters (feature, then provider), never a terminal running `az`.

const session = { name: 'Contoso Gov', subscriptionId: '00000000-0000-0000-0000-00000000f00d' } as never;
let azureCalls: string[];
let featureState: string;
let reachedState: string;

const azure = {
  getPreviewFeatureState: async (_s: unknown, feature: string) => { azureCalls.push(`get ${feature}`); return featureState; },
  registerPreviewFeature: async (_s: unknown, feature: string, namespace?: string, options?: { onState?: (s: string) => void }) => {
    azureCalls.push(`register ${namespace}/${feature}`);
    options?.onState?.('Registering');
    return reachedState;
  },
  registerProvider: async (_s: unknown, namespace?: string) => { azureCalls.push(`register provider ${namespace}`); },
};
const ensure = (location: string) => ensurePreviewFeatureRegistered(session, location, azure as never);
const messages = (api: string) => script.calls.filter((c) => c.api === api);

beforeEach(() => {
  resetScript();
  azureCalls = [];
  featureState = 'NotRegistered';
  reachedState = 'Registered';
});

test('a region out of preview asks nothing and reads no feature', async () => {
  await ensure('japaneast');
  assert.deepEqual(azureCalls, []);
  assert.deepEqual(script.calls, []);
});

test('a preview region whose feature is Registered goes on without asking', async () => {
  featureState = 'Registered';
  await ensure('usgovvirginia');
  assert.deepEqual(azureCalls, ['get FairfaxPublicPreview']);
  assert.deepEqual(messages('showWarningMessage'), []);
});

test('Register registers the feature, then the provider, and the deploy goes on', async () => {
  script.buttons = ['Register'];
  await ensure('usgovarizona');
  const [prompt] = messages('showWarningMessage');
  assert.equal(prompt.args[0], 'VM Image Builder is in public preview in usgovarizona: the feature Microsoft.VirtualMachineImages/FairfaxPublicPreview must be registered in Contoso Gov first (it is NotRegistered).');
  assert.deepEqual(prompt.args.slice(1), [
    { modal: true, detail: 'Registering asks Azure to turn the preview on for this subscription, then registers Microsoft.VirtualMachineImages again so it applies. It can take a few minutes.' },
    'Register', 'Deploy Anyway',
  ]);
  assert.deepEqual(azureCalls, ['get FairfaxPublicPreview', 'register Microsoft.VirtualMachineImages/FairfaxPublicPreview', 'register provider Microsoft.VirtualMachineImages']);
  assert.equal(messages('showWarningMessage').length, 1, 'nothing more to say once it is Registered');
});

test('China North 3 registers MooncakePublicPreview', async () => {
  script.buttons = ['Register'];
  await ensure('chinanorth3');
  assert.ok(azureCalls.includes('register Microsoft.VirtualMachineImages/MooncakePublicPreview'), azureCalls.join('\n'));
});

test('still pending after the wait: the user is told plainly to deploy later, the provider is not re-registered, the deploy stops', async () => {
  featureState = 'Pending';
  reachedState = 'Pending';
  script.buttons = ['Register'];
  await assert.rejects(ensure('usgovvirginia'), UserCancelledError);
  assert.equal(messages('showWarningMessage')[1].args[0], 'The preview feature FairfaxPublicPreview is still Pending in Contoso Gov: Azure is registering it, which can take a while. Deploy again later; nothing was created.');
  assert.ok(!azureCalls.includes('register provider Microsoft.VirtualMachineImages'));
});

test('Deploy Anyway goes on without registering; dismissing stops the deploy without registering', async () => {
  script.buttons = ['Deploy Anyway'];
  await ensure('usgovvirginia');
  assert.deepEqual(azureCalls, ['get FairfaxPublicPreview']);

  resetScript();
  azureCalls = [];
  script.buttons = [undefined];
  await assert.rejects(ensure('usgovvirginia'), UserCancelledError);
  assert.deepEqual(azureCalls, ['get FairfaxPublicPreview']);
});
