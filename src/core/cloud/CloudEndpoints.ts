// Everything the extension needs to know about a cloud. The same code talks to public Azure, a sovereign cloud
// or the local stand-in; only these values differ.
export interface CloudEndpoints {
  /** `AzureCloud`, `AzureChinaCloud`, `AzureUSGovernment` or `Custom`. */
  readonly name: string;
  readonly resourceManagerEndpoint: string;
  /** Audience of ARM tokens; the scope asked for is `${tokenAudience}/.default`. */
  readonly tokenAudience: string;
  readonly portalUrl: string;
  readonly storageEndpointSuffix: string;
  /** Extra CA certificate (PEM file path) trusted for ARM calls, for private clouds and the local stand-in. */
  readonly caCertificateFile?: string;
  /** Microsoft Graph (directory lookups such as a service principal's object id); absent when unknown. */
  readonly microsoftGraphEndpoint?: string;
  /** Audience of Graph tokens; the scope asked for is `${microsoftGraphTokenAudience}/.default`. */
  readonly microsoftGraphTokenAudience?: string;
  readonly isCustom: boolean;
}

export const knownClouds: Readonly<Record<string, CloudEndpoints>> = {
  AzureCloud: {
    name: 'AzureCloud',
    resourceManagerEndpoint: 'https://management.azure.com/',
    tokenAudience: 'https://management.core.windows.net/',
    portalUrl: 'https://portal.azure.com',
    storageEndpointSuffix: 'core.windows.net',
    microsoftGraphEndpoint: 'https://graph.microsoft.com/',
    microsoftGraphTokenAudience: 'https://graph.microsoft.com/',
    isCustom: false,
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn/',
    tokenAudience: 'https://management.core.chinacloudapi.cn/',
    portalUrl: 'https://portal.azure.cn',
    storageEndpointSuffix: 'core.chinacloudapi.cn',
    microsoftGraphEndpoint: 'https://microsoftgraph.chinacloudapi.cn/',
    microsoftGraphTokenAudience: 'https://microsoftgraph.chinacloudapi.cn/',
    isCustom: false,
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net/',
    tokenAudience: 'https://management.core.usgovcloudapi.net/',
    portalUrl: 'https://portal.azure.us',
    storageEndpointSuffix: 'core.usgovcloudapi.net',
    microsoftGraphEndpoint: 'https://graph.microsoft.us/',
    microsoftGraphTokenAudience: 'https://graph.microsoft.us/',
    isCustom: false,
  },
};
