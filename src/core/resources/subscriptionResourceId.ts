/** A subscription's ARM resource ID, the form the portal, `az` and role assignments use for it. */
export function subscriptionResourceId(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`;
}
