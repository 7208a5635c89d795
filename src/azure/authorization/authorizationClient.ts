import type { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { armClientOptions } from '../auth/armClientOptions.ts';

// Loaded on first use like every SDK (see ../clients.ts); one client per session so its pipeline is reused.
const clients = new WeakMap<SubscriptionSession, Promise<AuthorizationManagementClient>>();

export function authorizationClient(session: SubscriptionSession): Promise<AuthorizationManagementClient> {
  let client = clients.get(session);
  if (!client) {
    client = (async () => {
      const { AuthorizationManagementClient } = await import('@azure/arm-authorization');
      return new AuthorizationManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
    })();
    clients.set(session, client);
    client.catch(() => clients.delete(session));
  }
  return client;
}

/**
 * The classic SDK puts scopes into "/{scope}/providers/…" as they are: a leading slash would make "//subscriptions".
 * ARM ids start with one, so it is dropped here, once.
 */
export function scopePath(scope: string): string {
  return scope.replace(/^\/+/, '');
}
