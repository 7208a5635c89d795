import type { TokenCredential } from '@azure/core-auth';
import type { Client } from '@microsoft/microsoft-graph-client';
import { readFileSync } from 'node:fs';
import { caAwareHttpHandler } from './caAwareHttpHandler.ts';
import { localizable } from '../../core/l10n/Translate.ts';
import { LocalizableError } from '../../core/errors/LocalizableError.ts';

/** Where Microsoft Graph is for this cloud and how to get a token for it. */
export interface GraphConnection {
  /** e.g. https://graph.microsoft.com/ (the version segment is added per call). */
  endpoint: string;
  /** e.g. https://graph.microsoft.com/.default */
  scope: string;
  credential: TokenCredential;
  caCertificateFile?: string;
}

/**
 * A Graph client for one connection. The SDK only attaches tokens to hosts it knows as Graph, so the endpoint's
 * host is declared as a custom host (sovereign and private clouds, the local stand-in).
 */
export async function createGraphClient(connection: GraphConnection): Promise<Client> {
  const { Client, AuthenticationHandler, RetryHandler } = await import('@microsoft/microsoft-graph-client');
  const endpoint = new URL(connection.endpoint);
  const authProvider = {
    async getAccessToken(): Promise<string> {
      const token = await connection.credential.getToken(connection.scope);
      if (!token) throw new LocalizableError(localizable('No token for Microsoft Graph.'));
      return token.token;
    },
  };
  const ca = connection.caCertificateFile ? readFileSync(connection.caCertificateFile, 'utf8') : undefined;
  const auth = new AuthenticationHandler(authProvider);
  const retry = new RetryHandler();
  const http = caAwareHttpHandler(ca);
  auth.setNext(retry);
  retry.setNext(http);
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: endpoint.href.replace(/\/+$/, ''),
    customHosts: new Set([endpoint.hostname]),
    defaultVersion: 'v1.0',
  });
}
