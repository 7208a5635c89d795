// Small helpers over ARM ids and locations. ARM compares both case-insensitively, and the CLI compares locations
// with spaces removed ("West US" == "westus"), so we do the same.

export type ArmResourceIdParts = {
  readonly subscriptionId: string;
  readonly resourceGroup?: string;
  readonly provider?: string;
  /** Resource type segments after the provider, e.g. ['vaults'] or ['virtualMachineScaleSets', 'virtualMachines']. */
  readonly types: readonly string[];
  readonly name?: string;
};

export function parseArmResourceId(id: string | undefined): ArmResourceIdParts | undefined {
  if (!id) return undefined;
  const parts = id.split('/').filter((p) => p.length > 0);
  if (parts.length < 2 || parts[0].toLowerCase() !== 'subscriptions') return undefined;
  const subscriptionId = parts[1];
  let resourceGroup: string | undefined;
  let provider: string | undefined;
  const types: string[] = [];
  let name: string | undefined;
  let i = 2;
  if (parts[i]?.toLowerCase() === 'resourcegroups') { resourceGroup = parts[i + 1]; i += 2; }
  if (parts[i]?.toLowerCase() === 'providers') {
    provider = parts[i + 1];
    i += 2;
    for (; i + 1 < parts.length; i += 2) { types.push(parts[i]); name = parts[i + 1]; }
  }
  return { subscriptionId, resourceGroup, provider, types, name };
}

export function sameArmId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export function normalizeLocation(location: string | undefined): string | undefined {
  return location?.replace(/\s+/g, '').toLowerCase();
}

export function sameLocation(a: string | undefined, b: string | undefined): boolean {
  const x = normalizeLocation(a);
  const y = normalizeLocation(b);
  return !!x && !!y && x === y;
}

/** True for an id of a Key Vault: /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.KeyVault/vaults/{name}. */
export function isKeyVaultResourceId(id: string): boolean {
  const p = parseArmResourceId(id);
  return !!p && !!p.resourceGroup && p.provider?.toLowerCase() === 'microsoft.keyvault'
    && p.types.length === 1 && p.types[0].toLowerCase() === 'vaults' && !!p.name;
}
