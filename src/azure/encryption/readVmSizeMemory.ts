import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';

// The memory of a VM size, from the resource SKUs of its region (capability MemoryGB), for the ADE memory rule.
// A size's memory never changes, so each region's sizes are read once per session.

const cache = new WeakMap<SubscriptionSession, Map<string, Promise<Map<string, number>>>>();

/** GiB of memory of `vmSize` in `location`, or undefined when the SKUs cannot be read or do not list it. */
export async function readVmSizeMemoryGb(session: SubscriptionSession, location: string, vmSize: string): Promise<number | undefined> {
  let regions = cache.get(session);
  if (!regions) cache.set(session, (regions = new Map()));
  const key = location.toLowerCase();
  let sizes = regions.get(key);
  if (!sizes) {
    sizes = listSizeMemory(session, location);
    regions.set(key, sizes);
    sizes.catch(() => regions.delete(key));
  }
  try {
    return (await sizes).get(vmSize.toLowerCase());
  } catch {
    return undefined;
  }
}

async function listSizeMemory(session: SubscriptionSession, location: string): Promise<Map<string, number>> {
  const compute = await computeClient(session);
  const memory = new Map<string, number>();
  // Only the location filter is supported by the API.
  for await (const sku of compute.resourceSkus.list({ filter: `location eq '${location}'` })) {
    if ((sku.resourceType ?? '').toLowerCase() !== 'virtualmachines' || !sku.name) continue;
    const value = Number(sku.capabilities?.find((c) => c.name === 'MemoryGB')?.value);
    if (Number.isFinite(value)) memory.set(sku.name.toLowerCase(), value);
  }
  return memory;
}
