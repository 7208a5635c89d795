// Real SDK clients against a started local Azure, authenticated by the real AzureCliCredential through the
// fake `az` (its folder goes first on PATH). Options are what a custom cloud needs: endpoint, the token
// scope (modular SDKs read credentials.scopes, classic ones credentialScopes) and the stand-in's CA (tlsOptions,
// honoured by @azure/core-rest-pipeline's createPipelineFromOptions -> tlsPolicy).
import { ComputeManagementClient } from '@azure/arm-compute';
import { ImageBuilderClient } from '@azure/arm-imagebuilder';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { AzureCliCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/core-auth';
import { startLocalAzure, type LocalAzure, type LocalAzureOptions } from '../../azure-local/startLocalAzure.ts';

export interface LocalAzureClients {
  local: LocalAzure;
  credential: TokenCredential;
  options: Record<string, unknown>;
  subscriptions: SubscriptionClient;
  compute(subscriptionId: string, extra?: Record<string, unknown>): ComputeManagementClient;
  resources(subscriptionId: string): ResourceManagementClient;
  keyVault(subscriptionId: string): KeyVaultManagementClient;
  imageBuilder(subscriptionId: string): ImageBuilderClient;
  /** Poll fast: the stand-in's operations last lroDurationMs. */
  poll: { updateIntervalInMs: number };
  stop(): Promise<void>;
}

export async function startLocalAzureWithClients(options: LocalAzureOptions = {}): Promise<LocalAzureClients> {
  const local = await startLocalAzure({ lroDurationMs: 150, ...options });
  const previousPath = process.env.PATH;
  process.env.PATH = `${local.azBinDir}:${previousPath}`;
  const credential = new AzureCliCredential();
  const scopes = [`${local.tokenAudience}/.default`];
  const clientOptions = {
    endpoint: local.armEndpoint,
    credentials: { scopes },
    credentialScopes: scopes,
    tlsOptions: { ca: local.caCertPem },
    // Keep retries of injected 5xx short.
    retryOptions: { retryDelayInMs: 50, maxRetryDelayInMs: 200 },
  };
  return {
    local,
    credential,
    options: clientOptions,
    subscriptions: new SubscriptionClient(credential, clientOptions),
    compute: (id, extra) => new ComputeManagementClient(credential, id, { ...clientOptions, ...extra }),
    resources: (id) => new ResourceManagementClient(credential, id, clientOptions),
    keyVault: (id) => new KeyVaultManagementClient(credential, id, clientOptions),
    imageBuilder: (id) => new ImageBuilderClient(credential, id, clientOptions),
    poll: { updateIntervalInMs: 50 },
    async stop() {
      process.env.PATH = previousPath;
      await local.stop();
    },
  };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** ARM's error code from an SDK error (modular SDKs put it in code and details.error.code). */
export function armErrorCode(error: any): string | undefined {
  return error?.details?.error?.code ?? error?.code;
}
