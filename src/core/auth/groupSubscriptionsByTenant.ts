// The subscription picker groups subscriptions under their tenant's name, so a person with several directories
// chooses tenants and subscriptions in one place (a tenant's heading shows how many of its subscriptions there are).

export interface TenantName {
  readonly tenantId: string;
  readonly displayName?: string;
}

export interface TenantGroup<S> {
  readonly tenantId: string;
  /** The tenant's display name, or its id when the directory did not tell us its name. */
  readonly label: string;
  readonly subscriptions: readonly S[];
}

/**
 * Groups subscriptions by tenant: tenants by name (the default tenant — the first one listed — first), subscriptions
 * by name inside each. Tenants without subscriptions are left out: there is nothing in them to show.
 */
export function groupSubscriptionsByTenant<S extends { readonly tenantId: string; readonly name: string }>(
  subscriptions: readonly S[],
  tenants: readonly TenantName[],
): TenantGroup<S>[] {
  const names = new Map(tenants.map((t) => [t.tenantId.toLowerCase(), t.displayName?.trim()]));
  const order = new Map(tenants.map((t, i) => [t.tenantId.toLowerCase(), i]));
  const byTenant = new Map<string, S[]>();
  for (const s of subscriptions) {
    const key = s.tenantId.toLowerCase();
    byTenant.set(key, [...(byTenant.get(key) ?? []), s]);
  }
  return [...byTenant.entries()]
    .map(([key, subs]) => ({
      tenantId: subs[0]!.tenantId,
      label: names.get(key) || subs[0]!.tenantId,
      subscriptions: [...subs].sort((a, b) => a.name.localeCompare(b.name)),
      isDefault: order.get(key) === 0,
    }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.label.localeCompare(b.label))
    .map(({ tenantId, label, subscriptions: subs }) => ({ tenantId, label, subscriptions: subs }));
}
