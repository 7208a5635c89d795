import type { TokenCredential } from '@azure/core-auth';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import { knownClouds } from '../../core/cloud/CloudEndpoints.ts';
import type { GraphConnection } from './createGraphClient.ts';

/**
 * Microsoft Graph of a cloud: its own settings, else the known endpoint of a public or sovereign cloud of that
 * name (VS Code's sign-in describes clouds without Graph). Undefined for a custom cloud without a Graph endpoint.
 */
export function graphConnectionFor(cloud: CloudEndpoints, credential: TokenCredential): GraphConnection | undefined {
  const known = cloud.isCustom ? undefined : knownClouds[cloud.name];
  const endpoint = cloud.microsoftGraphEndpoint ?? known?.microsoftGraphEndpoint;
  if (!endpoint) return undefined;
  const audience = cloud.microsoftGraphTokenAudience ?? known?.microsoftGraphTokenAudience ?? new URL(endpoint).origin + '/';
  return { endpoint, scope: audience.replace(/\/+$/, '') + '/.default', credential, caCertificateFile: cloud.caCertificateFile };
}
