import { readFileSync } from 'node:fs';
import type { HttpClient, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import type { StoragePipelineOptions } from '@azure/storage-blob';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import { armScope } from '../../core/cloud/resolveCloudEndpoints.ts';
import { captureArmErrorPolicy } from './captureArmErrorPolicy.ts';

const tlsOptionsByCa = new Map<string, { ca: string }>();
const httpClientByCloud = new Map<string, HttpClient>();

/**
 * Options every ARM client gets. Modular SDKs (arm-compute 25, arm-keyvault 5, arm-imagebuilder 5) read
 * `endpoint` + `credentials.scopes`; classic ones (arm-resources-subscriptions, arm-authorization) read
 * `endpoint` + `credentialScopes`. Both are set so a cloud is described once. A custom CA (private cloud,
 * local stand-in) is trusted through the pipeline's `tlsOptions`, for our calls only, not process-wide.
 *
 * Every client of a cloud shares one HTTP client, and the `tlsOptions` object is the same each time: the HTTP
 * client keeps its keep-alive agent per `tlsOptions` object, so connections (and TLS handshakes) are reused across
 * the ~100 clients a full listing builds instead of each client opening its own.
 */
export function armClientOptions(cloud: CloudEndpoints): Record<string, unknown> {
  const scopes = [armScope(cloud)];
  const tlsOptions = cloud.caCertificateFile ? tlsOptionsFor(cloud.caCertificateFile) : undefined;
  return {
    httpClient: sharedHttpClient(`${cloud.resourceManagerEndpoint}|${cloud.caCertificateFile ?? ''}`),
    endpoint: cloud.resourceManagerEndpoint.replace(/\/+$/, ''),
    credentials: { scopes },
    credentialScopes: scopes,
    userAgentOptions: { userAgentPrefix: 'azure-linux-vm-tools' },
    additionalPolicies: [{ policy: captureArmErrorPolicy, position: 'perCall' }],
    ...(tlsOptions ? { tlsOptions } : {}),
  };
}

/**
 * Options for @azure/storage-blob clients of the cloud (Blob service: build logs, export destinations). The SDK
 * hands options it does not declare on to core-rest-pipeline's pipeline, which honours `tlsOptions`: a private
 * cloud's storage endpoints, behind the same custom CA as its ARM, are trusted as ARM is. Storage keeps its own
 * process-wide HTTP client (its `httpClient` option has another shape); the `tlsOptions` object is the ARM
 * clients' one, so that client reuses one keep-alive agent per CA as well. The token audience stays the SDK's
 * default, https://storage.azure.com/, which public and sovereign clouds all accept.
 */
export function storageClientOptions(cloud: CloudEndpoints): StoragePipelineOptions & { tlsOptions?: { ca: string } } {
  return {
    userAgentOptions: { userAgentPrefix: 'azure-linux-vm-tools' },
    ...(cloud.caCertificateFile ? { tlsOptions: tlsOptionsFor(cloud.caCertificateFile) } : {}),
  };
}

function tlsOptionsFor(file: string): { ca: string } {
  let options = tlsOptionsByCa.get(file);
  if (!options) {
    options = { ca: readFileSync(file, 'utf8') };
    tlsOptionsByCa.set(file, options);
  }
  return options;
}

/** core-rest-pipeline's default HTTP client, loaded on the first request (never at activation). */
function sharedHttpClient(key: string): HttpClient {
  let client = httpClientByCloud.get(key);
  if (!client) {
    let inner: Promise<HttpClient> | undefined;
    client = {
      async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
        inner ??= (async () => {
          const { createDefaultHttpClient } = await import('@azure/core-rest-pipeline');
          return createDefaultHttpClient();
        })();
        return (await inner).sendRequest(request);
      },
    };
    httpClientByCloud.set(key, client);
  }
  return client;
}
