// Microsoft.KeyVault/vaults writes (@azure/arm-keyvault 5.0.0, api-version 2026-02-01): createOrUpdate (PUT; Key
// Vault answers 201/200 with the finished vault, so the SDK's poller ends at once), update (PATCH, what "fix the
// vault" sends) and checkNameAvailability. Shapes and messages from the spec examples (createVault.json) and Key
// Vault's answers: names are global, soft delete and purge protection can be turned on but never off.
import { ArmError } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { ok, type Route, type RouteContext } from '../route.ts';
import { armId } from '../../state/LocalAzureState.ts';
import type { ArmResource } from '../../state/model.ts';
import { vaultUriFor } from '../../keyvault/localVaultHosts.ts';
import { requireResource, snapshotOf } from './lookup.ts';

const TYPE = 'Microsoft.KeyVault/vaults';
const VAULT = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}';
const common = { apiVersions: apiVersions.keyVault, resourceType: TYPE } as const;

type VaultProperties = Record<string, any>;
interface VaultBody { location?: string; tags?: Record<string, string>; properties?: VaultProperties }

export function vaultNameProblem(name: string): string | undefined {
  const valid = /^[a-zA-Z][0-9a-zA-Z-]{1,22}[0-9a-zA-Z]$/.test(name) && !name.includes('--');
  return valid ? undefined
    : `The vault name '${name}' is invalid. A vault's name must be between 3-24 alphanumeric characters. The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens.`;
}

function nameTakenBy(ctx: RouteContext, name: string): ArmResource | undefined {
  return ctx.env.state.all('vaults').map((r) => r.resource).find((v) => v.name.toLowerCase() === name.toLowerCase());
}

function alreadyExists(name: string): ArmError {
  return new ArmError(409, 'VaultAlreadyExists',
    `The vault name '${name}' is already in use. Vault names are globally unique so it is possible that the name is already taken. ` +
    'If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently deleted but not purged after being placed in a recoverable state. ' +
    'If the vault is in a recoverable state then the vault will need to be purged before reusing the name. For more information on VaultAlreadyExists, soft delete and purging a vault, please go to https://aka.ms/keyvaultsoftdelete.');
}

/** Soft delete and purge protection only go one way. */
function checkOneWaySwitches(was: VaultProperties, next: VaultProperties): void {
  if (was.enablePurgeProtection === true && next.enablePurgeProtection === false) {
    throw new ArmError(400, 'BadRequest', 'The property "enablePurgeProtection" cannot be set to false. Enabling the purge protection for a vault is an irreversible action.');
  }
  if (was.enableSoftDelete !== false && next.enableSoftDelete === false) {
    throw new ArmError(400, 'BadRequest', 'The property "enableSoftDelete" cannot be set to false. Enabling the soft delete for a vault is an irreversible action.');
  }
  const softDelete = next.enableSoftDelete ?? was.enableSoftDelete;
  if ((next.enablePurgeProtection ?? was.enablePurgeProtection) === true && softDelete === false) {
    throw new ArmError(400, 'BadRequest', 'Purge protection can only be enabled on a vault that has soft delete enabled.');
  }
}

function createOrUpdate(ctx: RouteContext) {
  const { subscriptionId, resourceGroupName, vaultName } = ctx.params;
  const body = (ctx.body ?? {}) as VaultBody;
  const problem = vaultNameProblem(vaultName);
  if (problem) throw new ArmError(400, 'VaultNameNotValid', problem);
  const id = armId(subscriptionId, resourceGroupName, TYPE, vaultName);
  const taken = nameTakenBy(ctx, vaultName);
  if (taken && taken.id.toLowerCase() !== id.toLowerCase()) throw alreadyExists(vaultName);
  const p = body.properties;
  if (!body.location) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  if (!p?.tenantId) throw new ArmError(400, 'BadRequest', 'The parameter properties.tenantId is required.');
  if (!p.sku?.name) throw new ArmError(400, 'BadRequest', 'The parameter properties.sku is required.');
  const existing = taken ? ctx.env.state.get('vaults', id) : undefined;
  const was = existing?.resource.properties ?? {};
  checkOneWaySwitches(was, p);
  const now = new Date().toISOString();
  const by = ctx.token.upn ?? ctx.token.oid;
  const vault: ArmResource = {
    id: existing?.resource.id ?? id,
    name: existing?.resource.name ?? vaultName,
    type: TYPE,
    location: body.location,
    tags: body.tags ?? {},
    systemData: { ...(existing?.resource.systemData as object ?? { createdBy: by, createdByType: 'User', createdAt: now }), lastModifiedBy: by, lastModifiedByType: 'User', lastModifiedAt: now },
    properties: {
      sku: { family: 'A', name: String(p.sku.name).toLowerCase() },
      tenantId: p.tenantId,
      accessPolicies: p.accessPolicies ?? [],
      enabledForDeployment: p.enabledForDeployment ?? false,
      enabledForDiskEncryption: p.enabledForDiskEncryption ?? false,
      enabledForTemplateDeployment: p.enabledForTemplateDeployment ?? false,
      enableSoftDelete: p.enableSoftDelete ?? true,
      softDeleteRetentionInDays: p.softDeleteRetentionInDays ?? 90,
      enableRbacAuthorization: p.enableRbacAuthorization ?? true,
      ...((p.enablePurgeProtection ?? was.enablePurgeProtection) ? { enablePurgeProtection: true } : {}),
      vaultUri: was.vaultUri ?? vaultUriFor(ctx.env.state, vaultName),
      provisioningState: 'Succeeded',
      publicNetworkAccess: p.publicNetworkAccess ?? 'Enabled',
    },
  };
  ctx.env.state.put('vaults', { resource: vault });
  return { status: existing ? 200 : 201, body: snapshotOf(vault) };
}

function update(ctx: RouteContext) {
  const record = requireResource(ctx, 'vaults', TYPE, 'vaultName');
  const body = (ctx.body ?? {}) as VaultBody;
  const next = body.properties ?? {};
  const was = record.resource.properties ?? {};
  checkOneWaySwitches(was, next);
  for (const [key, value] of Object.entries(next)) {
    if (value !== undefined && value !== null && key !== 'vaultUri' && key !== 'provisioningState') was[key] = value;
  }
  record.resource.properties = was;
  if (body.tags) record.resource.tags = body.tags;
  return ok(snapshotOf(record.resource));
}

function checkNameAvailability(ctx: RouteContext) {
  const name = String((ctx.body as { name?: string } | undefined)?.name ?? '');
  const problem = vaultNameProblem(name);
  if (problem) return ok({ nameAvailable: false, reason: 'AccountNameInvalid', message: problem });
  if (nameTakenBy(ctx, name)) return ok({ nameAvailable: false, reason: 'AlreadyExists', message: `The vault name '${name}' is already in use.` });
  return ok({ nameAvailable: true });
}

export const vaultWriteRoutes: Route[] = [
  { name: 'vaults.createOrUpdate', method: 'PUT', template: VAULT, ...common, handler: createOrUpdate },
  { name: 'vaults.update', method: 'PATCH', template: VAULT, ...common, handler: update },
  {
    name: 'vaults.checkNameAvailability',
    method: 'POST',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.KeyVault/checkNameAvailability',
    ...common,
    handler: checkNameAvailability,
  },
];
