import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphConnectionFor } from '../../../src/azure/graph/graphConnectionFor.ts';
import { knownClouds } from '../../../src/core/cloud/CloudEndpoints.ts';
import { resolveCloudEndpoints } from '../../../src/core/cloud/resolveCloudEndpoints.ts';

const credential = { getToken: async () => null };

test('public and sovereign clouds use their known Graph endpoints, even when described without them (VS Code sign-in)', () => {
  assert.deepEqual(graphConnectionFor(knownClouds.AzureCloud, credential)?.scope, 'https://graph.microsoft.com/.default');
  const { microsoftGraphEndpoint: _e, microsoftGraphTokenAudience: _a, ...china } = knownClouds.AzureChinaCloud;
  const c = graphConnectionFor(china, credential);
  assert.equal(c?.endpoint, 'https://microsoftgraph.chinacloudapi.cn/');
  assert.equal(c?.scope, 'https://microsoftgraph.chinacloudapi.cn/.default');
  assert.equal(graphConnectionFor(knownClouds.AzureUSGovernment, credential)?.endpoint, 'https://graph.microsoft.us/');
});

test('a custom cloud has Graph only when its setting names an https endpoint; the audience defaults to its origin', () => {
  const without = resolveCloudEndpoints({ cloud: 'Custom', customCloud: { resourceManagerEndpoint: 'https://arm.contoso.local/' } });
  assert.ok(without.ok);
  assert.equal(graphConnectionFor(without.cloud, credential), undefined);
  const withGraph = resolveCloudEndpoints({ cloud: 'Custom', customCloud: { resourceManagerEndpoint: 'https://arm.contoso.local/', microsoftGraphEndpoint: 'https://graph.contoso.local:8443/graph', caCertificateFile: '/tmp/ca.pem' } });
  assert.ok(withGraph.ok);
  const c = graphConnectionFor(withGraph.cloud, credential);
  assert.equal(c?.endpoint, 'https://graph.contoso.local:8443/graph/');
  assert.equal(c?.scope, 'https://graph.contoso.local:8443/.default');
  assert.equal(c?.caCertificateFile, '/tmp/ca.pem');
  const http = resolveCloudEndpoints({ cloud: 'Custom', customCloud: { resourceManagerEndpoint: 'https://arm.contoso.local/', microsoftGraphEndpoint: 'http://graph.contoso.local' } });
  assert.ok(http.ok);
  assert.equal(graphConnectionFor(http.cloud, credential), undefined, 'a bearer token is never sent over http');
});

test('named placeholders ({vault}, {roleName} …) are kept by every Japanese translation', async () => {
  const { readFileSync } = await import('node:fs');
  const ja = JSON.parse(readFileSync(new URL('../../../l10n/bundle.l10n.ja.json', import.meta.url), 'utf8')) as Record<string, string>;
  const named = (s: string) => (s.match(/\{[A-Za-z]\w*\}/g) ?? []).sort().join();
  const differing = Object.entries(ja).filter(([en, translated]) => named(en) !== named(translated)).map(([en]) => en);
  assert.deepEqual(differing, []);
});
