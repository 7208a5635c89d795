import type { CloudEndpoints } from './CloudEndpoints.ts';
import { knownClouds } from './CloudEndpoints.ts';
import { localizable } from '../l10n/Translate.ts';

/** The settings that choose a cloud, as read from `azureLinuxVm.cloud` and `azureLinuxVm.customCloud.*`. */
export interface CloudSettings {
  readonly cloud?: string;
  readonly customCloud?: {
    readonly resourceManagerEndpoint?: string;
    readonly tokenAudience?: string;
    readonly caCertificateFile?: string;
    readonly portalUrl?: string;
    readonly storageEndpointSuffix?: string;
    readonly microsoftGraphEndpoint?: string;
    readonly microsoftGraphTokenAudience?: string;
  };
}

export type CloudResolution =
  | { readonly ok: true; readonly cloud: CloudEndpoints }
  | { readonly ok: false; readonly problem: string; readonly problemArgs: string[]; readonly setting: string };

/**
 * Turns settings into endpoints, or says which setting is wrong. A custom cloud must use https: the SDKs refuse
 * to send a bearer token over plain http, so an http endpoint would fail later with a far less helpful message.
 */
export function resolveCloudEndpoints(settings: CloudSettings): CloudResolution {
  const name = settings.cloud || 'AzureCloud';
  if (name !== 'Custom') {
    const known = knownClouds[name];
    return known
      ? { ok: true, cloud: known }
      : { ok: false, problem: localizable('Unknown cloud "{0}".'), problemArgs: [name], setting: 'azureLinuxVm.cloud' };
  }
  const custom = settings.customCloud ?? {};
  const arm = parseHttpsUrl(custom.resourceManagerEndpoint);
  if (!arm) {
    return {
      ok: false,
      problem: localizable('The custom cloud needs an https Resource Manager endpoint.'),
      problemArgs: [],
      setting: 'azureLinuxVm.customCloud.resourceManagerEndpoint',
    };
  }
  const audience = custom.tokenAudience?.trim() || arm.origin + '/';
  // Graph is optional: without it, features that need a directory lookup ask the user instead.
  const graph = parseHttpsUrl(custom.microsoftGraphEndpoint);
  return {
    ok: true,
    cloud: {
      name: 'Custom',
      resourceManagerEndpoint: withTrailingSlash(arm.href),
      tokenAudience: audience,
      portalUrl: trimTrailingSlash(custom.portalUrl?.trim() || arm.origin),
      storageEndpointSuffix: custom.storageEndpointSuffix?.trim() || 'core.windows.net',
      caCertificateFile: custom.caCertificateFile?.trim() || undefined,
      ...(graph
        ? { microsoftGraphEndpoint: withTrailingSlash(graph.href), microsoftGraphTokenAudience: custom.microsoftGraphTokenAudience?.trim() || graph.origin + '/' }
        : {}),
      isCustom: true,
    },
  };
}

/** The OAuth scope for ARM calls in this cloud. */
export function armScope(cloud: CloudEndpoints): string {
  return trimTrailingSlash(cloud.tokenAudience) + '/.default';
}

function parseHttpsUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : url + '/';
}

function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
