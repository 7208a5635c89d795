import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { useFakeVscode } from '../../unit/support/fakeVscode.ts';

// Validation as you type gets its Azure facts from this cache: looked up a moment after typing stops, only when
// signed in, once per set of lookups, and the document is validated again when they land.
useFakeVscode();
const { TemplateFactsCache } = await import('../../../src/features/imageTemplateEditor/TemplateFactsCache.ts');
const { factLookupsForText } = await import('../../../src/core/imageTemplate/validateImageTemplateText.ts');
const { azureCliCredentials, listAzureCliSubscriptions } = await import('../../../src/azure/auth/listAzureCliSubscriptions.ts');
const { startLocalAzure } = await import('../../azure-local/startLocalAzure.ts');
const { localCloud } = await import('../support/localCloud.ts');
const { IMAGES_RG, linuxTemplate, PROD } = await import('./testTemplates.ts');

let local: Awaited<ReturnType<typeof startLocalAzure>>;
let subscriptions: Awaited<ReturnType<typeof listAzureCliSubscriptions>>['subscriptions'];
const originalPath = process.env.PATH;
const logger = { trace() {}, info() {}, warn() {}, error() {} };

before(async () => {
  local = await startLocalAzure({ lroDurationMs: 100 });
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  subscriptions = (await listAzureCliSubscriptions(localCloud(local), azureCliCredentials())).subscriptions;
});
after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

const text = JSON.stringify({ ...linuxTemplate('cache'), properties: { ...linuxTemplate('cache').properties, stagingResourceGroup: `/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}` } });
const lookupsIn = (t: string) => factLookupsForText(t);
const { templateKey } = await import('../../../src/core/imageTemplate/imageTemplateFacts.ts');
const BARE = templateKey([]); // the text is a bare template
const groupReads = () => local.state.requestLog.filter((r) => r.route === 'resources.listByResourceGroup').length;

test('facts are looked up once after a pause, then served from the cache, and the document is validated again', async () => {
  const fresh: string[] = [];
  const cache = new TemplateFactsCache({ isSignedIn: async () => true, getSubscriptions: async () => ({ subscriptions, failures: [], selected: subscriptions }) } as never, logger, (key) => fresh.push(key), { delayMs: 20 });
  assert.equal(cache.factsFor('file:///a', lookupsIn(text)).size, 0, 'nothing known yet');
  assert.equal(cache.factsFor('file:///a', lookupsIn(text)).size, 0, 'typing again does not start a second lookup');
  for (let i = 0; i < 100 && fresh.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(fresh, ['file:///a']);
  const facts = cache.factsFor('file:///a', lookupsIn(text)).get(BARE);
  assert.equal(facts?.stagingResourceGroup?.exists, true);
  assert.ok((facts?.stagingResourceGroup?.resourceCount ?? 0) > 0);
  assert.deepEqual(facts?.sourceImage, { osType: 'Linux', hyperVGeneration: 'V2', securityType: 'TrustedLaunchSupported' });
  const reads = groupReads();
  // An edit elsewhere in the template needs the same lookups: served from the cache.
  cache.factsFor('file:///a', lookupsIn(text.replace('sudo apt-get clean', 'sudo apt-get autoclean')));
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(groupReads(), reads);
  cache.dispose();
});

test('signed out, nothing is looked up', async () => {
  const fresh: string[] = [];
  const before = local.state.requestLog.length;
  const cache = new TemplateFactsCache({ isSignedIn: async () => false, getSubscriptions: async () => { throw new Error('not signed in'); } } as never, logger, (key) => fresh.push(key), { delayMs: 10 });
  cache.factsFor('file:///b', lookupsIn(text));
  await new Promise((r) => setTimeout(r, 150));
  assert.deepEqual(fresh, []);
  assert.equal(local.state.requestLog.length, before);
  cache.dispose();
});
