import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { armClientOptions } from '../auth/armClientOptions.ts';

/** The subscription exactly as ARM returns it (`GET /subscriptions/{id}`), read from the raw response. */
export async function getSubscriptionJson(session: SubscriptionSession): Promise<unknown> {
  const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
  const client = new SubscriptionClient(session.credential, armClientOptions(session.cloud));
  let raw: unknown;
  const model = await client.subscriptions.get(session.subscriptionId, {
    onResponse: (response: { parsedBody?: unknown; bodyAsText?: string | null }) => {
      raw = response.parsedBody ?? (response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined);
    },
  });
  return raw ?? model;
}
