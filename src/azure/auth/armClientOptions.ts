import { readFileSync } from 'node:fs';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import { armScope } from '../../core/cloud/resolveCloudEndpoints.ts';
import { captureArmErrorPolicy } from './captureArmErrorPolicy.ts';

const caCache = new Map<string, string>();

/**
 * Options every ARM client gets. Modular SDKs (arm-compute 25, arm-keyvault 5, arm-imagebuilder 5) read
 * `endpoint` + `credentials.scopes`; classic ones (arm-resources-subscriptions, arm-authorization) read
 * `endpoint` + `credentialScopes`. Both are set so a cloud is described once. A custom CA (private cloud,
 * local stand-in) is trusted through the pipeline's `tlsOptions`, for our calls only, not process-wide.
 */
export function armClientOptions(cloud: CloudEndpoints): Record<string, unknown> {
  const scopes = [armScope(cloud)];
  const ca = cloud.caCertificateFile ? readCa(cloud.caCertificateFile) : undefined;
  return {
    endpoint: cloud.resourceManagerEndpoint.replace(/\/+$/, ''),
    credentials: { scopes },
    credentialScopes: scopes,
    userAgentOptions: { userAgentPrefix: 'azure-linux-vm-tools' },
    additionalPolicies: [{ policy: captureArmErrorPolicy, position: 'perCall' }],
    ...(ca ? { tlsOptions: { ca } } : {}),
  };
}

function readCa(file: string): string {
  let pem = caCache.get(file);
  if (pem === undefined) {
    pem = readFileSync(file, 'utf8');
    caCache.set(file, pem);
  }
  return pem;
}
