// The cache behind validation as you type, with a fake reader in place of Azure: each template of a document gets the
// facts of its own lookups, lookups shared by templates (or documents) are read once, and documents are validated
// again as the reads land. (test/integration/imageBuilder/templateFactsCache.test.ts reads through the real SDK.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useFakeVscode } from '../support/fakeVscode.ts';

useFakeVscode();
const { TemplateFactsCache } = await import('../../../src/features/imageTemplateEditor/TemplateFactsCache.ts');
const { factLookupsForText } = await import('../../../src/core/imageTemplate/validateImageTemplateText.ts');
const { templateKey } = await import('../../../src/core/imageTemplate/imageTemplateFacts.ts');
const { twoTemplateDeployment } = await import('../imageTemplate/templateBuilders.ts');
type TemplateFactLookups = import('../../../src/core/imageTemplate/templateFactLookups.ts').TemplateFactLookups;

const logger = { trace() {}, info() {}, warn() {}, error() {} };
const signedIn = { isSignedIn: async () => true, getSubscriptions: async () => ({ subscriptions: [], failures: [], selected: [] }) } as never;
const waitFor = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
};

/** A reader answering by Marketplace offer, recording what it was asked; `release()` lets the pending reads land. */
function fakeReader() {
  const asked: string[] = [];
  let release = () => {};
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const read = async (lookups: TemplateFactLookups) => {
    const offer = lookups.source?.kind === 'marketplace' ? lookups.source.offer : '?';
    asked.push(offer);
    await gate;
    return { facts: { sourceImage: { securityType: offer.startsWith('ubuntu-24') ? 'TrustedLaunchSupported' as const : 'Standard' as const } }, unavailable: [] };
  };
  return { asked, read, release: () => release() };
}

test('each template of a deployment gets the facts of its own lookups, and the document is validated again as they land', async () => {
  const { text, paths: [first, second] } = twoTemplateDeployment();
  const reader = fakeReader();
  const fresh: string[] = [];
  const cache = new TemplateFactsCache(signedIn, logger, (key) => fresh.push(key), { delayMs: 1, readFacts: reader.read });
  assert.equal(cache.factsFor('file:///two.json', factLookupsForText(text)).size, 0, 'nothing known yet');
  await waitFor(() => reader.asked.length === 2);
  assert.deepEqual(reader.asked.sort(), ['0001-com-ubuntu-server-jammy', 'ubuntu-24_04-lts'], 'both templates\' lookups are asked, not only the first\'s');
  reader.release();
  await waitFor(() => fresh.length === 2);
  assert.deepEqual(fresh, ['file:///two.json', 'file:///two.json'], 'validated again as each read lands');

  const facts = cache.factsFor('file:///two.json', factLookupsForText(text));
  assert.equal(facts.get(templateKey(first))?.sourceImage?.securityType, 'TrustedLaunchSupported');
  assert.equal(facts.get(templateKey(second))?.sourceImage?.securityType, 'Standard');
  cache.dispose();
});

test('templates naming the same things share one read, also across documents', async () => {
  const { text } = twoTemplateDeployment();
  const sameSources = text.replace('ubuntu-24_04-lts', '0001-com-ubuntu-server-jammy').replace('"server"', '"22_04-lts-gen2"');
  const reader = fakeReader();
  const fresh: string[] = [];
  const cache = new TemplateFactsCache(signedIn, logger, (key) => fresh.push(key), { delayMs: 1, readFacts: reader.read });
  cache.factsFor('file:///a.json', factLookupsForText(sameSources));
  await waitFor(() => reader.asked.length === 1);
  cache.factsFor('file:///b.json', factLookupsForText(sameSources)); // opened while the read is on its way
  await new Promise((r) => setTimeout(r, 20));
  reader.release();
  await waitFor(() => fresh.length === 2);
  assert.deepEqual(reader.asked, ['0001-com-ubuntu-server-jammy'], 'one read for two templates in two documents');
  assert.deepEqual(fresh.sort(), ['file:///a.json', 'file:///b.json'], 'both documents are validated again');
  assert.equal(cache.factsFor('file:///b.json', factLookupsForText(sameSources)).size, 2, 'both templates get the shared facts');
  cache.dispose();
});

test('signed out, nothing is read and nothing is validated again', async () => {
  const reader = fakeReader();
  const fresh: string[] = [];
  const signedOut = { isSignedIn: async () => false, getSubscriptions: async () => { throw new Error('not signed in'); } } as never;
  const cache = new TemplateFactsCache(signedOut, logger, (key) => fresh.push(key), { delayMs: 1, readFacts: reader.read });
  cache.factsFor('file:///two.json', factLookupsForText(twoTemplateDeployment().text));
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual([reader.asked, fresh], [[], []]);
  cache.dispose();
});
