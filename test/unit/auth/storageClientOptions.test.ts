import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { armClientOptions, storageClientOptions } from '../../../src/azure/auth/armClientOptions.ts';
import type { CloudEndpoints } from '../../../src/core/cloud/CloudEndpoints.ts';
import { knownClouds } from '../../../src/core/cloud/CloudEndpoints.ts';

test('a custom cloud\'s CA file is trusted by storage clients too, with the very tlsOptions object the ARM clients use', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'storage-options-'));
  try {
    const caCertificateFile = join(dir, 'ca.pem');
    await writeFile(caCertificateFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const cloud: CloudEndpoints = { ...knownClouds.AzureCloud, name: 'Custom', resourceManagerEndpoint: 'https://management.private.test/', caCertificateFile, isCustom: true };
    const options = storageClientOptions(cloud);
    assert.match(String(options.tlsOptions?.ca), /BEGIN CERTIFICATE/);
    assert.equal(options.tlsOptions, (armClientOptions(cloud) as { tlsOptions?: unknown }).tlsOptions, 'one object per CA file: one keep-alive agent');
    assert.equal(options.userAgentOptions?.userAgentPrefix, 'azure-linux-vm-tools');
    assert.equal('audience' in options, false, 'the SDK default storage audience (https://storage.azure.com/) stays');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('public and sovereign clouds: no extra CA, nothing else changed', () => {
  for (const cloud of Object.values(knownClouds)) assert.deepEqual(storageClientOptions(cloud), { userAgentOptions: { userAgentPrefix: 'azure-linux-vm-tools' } });
});
