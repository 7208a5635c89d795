import { test } from 'node:test';
import assert from 'node:assert/strict';
import { armScope, resolveCloudEndpoints } from '../../../src/core/cloud/resolveCloudEndpoints.ts';

test('public Azure is the default', () => {
  const r = resolveCloudEndpoints({});
  assert.ok(r.ok);
  assert.equal(r.cloud.resourceManagerEndpoint, 'https://management.azure.com/');
  assert.equal(armScope(r.cloud), 'https://management.core.windows.net/.default');
});

test('sovereign clouds have their own endpoints and portal', () => {
  const r = resolveCloudEndpoints({ cloud: 'AzureChinaCloud' });
  assert.ok(r.ok);
  assert.equal(r.cloud.portalUrl, 'https://portal.azure.cn');
  assert.equal(armScope(r.cloud), 'https://management.core.chinacloudapi.cn/.default');
});

test('a custom cloud takes its endpoint, audience, CA and portal from settings', () => {
  const r = resolveCloudEndpoints({
    cloud: 'Custom',
    customCloud: { resourceManagerEndpoint: 'https://127.0.0.1:8443', tokenAudience: 'https://local.arm/', caCertificateFile: '/tmp/ca.pem', portalUrl: 'https://portal.local/' },
  });
  assert.ok(r.ok);
  assert.equal(r.cloud.resourceManagerEndpoint, 'https://127.0.0.1:8443/');
  assert.equal(armScope(r.cloud), 'https://local.arm/.default');
  assert.equal(r.cloud.caCertificateFile, '/tmp/ca.pem');
  assert.equal(r.cloud.portalUrl, 'https://portal.local');
  assert.equal(r.cloud.isCustom, true);
});

test('a custom cloud without an audience uses the endpoint origin', () => {
  const r = resolveCloudEndpoints({ cloud: 'Custom', customCloud: { resourceManagerEndpoint: 'https://arm.example:9000/x' } });
  assert.ok(r.ok);
  assert.equal(r.cloud.tokenAudience, 'https://arm.example:9000/');
});

test('an http endpoint is refused with the setting to fix (tokens never go over http)', () => {
  const r = resolveCloudEndpoints({ cloud: 'Custom', customCloud: { resourceManagerEndpoint: 'http://127.0.0.1:8080' } });
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.setting === 'azureLinuxVm.customCloud.resourceManagerEndpoint');
});

test('an unknown cloud name is refused by name', () => {
  const r = resolveCloudEndpoints({ cloud: 'Mars' });
  assert.ok(!r.ok);
  assert.deepEqual(!r.ok && r.problemArgs, ['Mars']);
});
