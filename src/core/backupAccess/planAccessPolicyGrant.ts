// Access-policy vaults: the permissions the portal's "Azure Backup" template grants, minus what the Backup
// Management Service's existing entry already has. ARM's updateAccessPolicy(operationKind 'add') merges the
// given permissions into the principal's entry, so the step carries only what is missing and a second run
// finds nothing to add.

import { BACKUP_KEY_PERMISSIONS, BACKUP_SECRET_PERMISSIONS, MAX_ACCESS_POLICY_ENTRIES } from './backupAccessConstants.ts';
import { BACKUP_ACCESS_STEP_TEXT, backupAccessFinding, fillBackupAccessText } from './backupAccessText.ts';
import type {
  AccessPolicyDiff,
  AccessPolicyEntryLike,
  AddAccessPolicyPermissionsStep,
  BackupAccessDiffLine,
  BackupAccessFinding,
  KeyVaultLike,
  VaultKeyUsage,
} from './backupAccessTypes.ts';
import { lastSegment } from './armResourceIds.ts';

export interface RequiredAccessPolicyPermissions {
  keys: string[];
  secrets: string[];
}

/** BEK only: secrets alone (the article says to untick the key permissions); a KEK needs the key permissions. */
export function requiredAccessPolicyPermissions(usage: VaultKeyUsage): RequiredAccessPolicyPermissions {
  return {
    keys: usage === 'bekOnly' ? [] : [...BACKUP_KEY_PERMISSIONS],
    secrets: usage === 'kekOnly' ? [] : [...BACKUP_SECRET_PERMISSIONS],
  };
}

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Entries that grant the principal by itself: same object and tenant, not bound to an application. */
export function accessPolicyEntriesFor(vault: KeyVaultLike, objectId: string): AccessPolicyEntryLike[] {
  return (vault.properties.accessPolicies ?? []).filter(
    (e) => eq(e.objectId, objectId) && !e.applicationId && eq(e.tenantId, vault.properties.tenantId),
  );
}

function union(lists: (string[] | undefined)[]): string[] {
  const out: string[] = [];
  for (const list of lists) for (const p of list ?? []) if (!out.some((x) => eq(x, p))) out.push(p.toLowerCase());
  return out;
}

/** `all` grants every permission of its kind; ARM returns permission names in any case. */
function missingFrom(granted: string[], required: string[]): string[] {
  if (granted.some((g) => eq(g, 'all'))) return [];
  return required.filter((r) => !granted.some((g) => eq(g, r)));
}

export interface AccessPolicyGrantPlan {
  steps: AddAccessPolicyPermissionsStep[];
  diff: AccessPolicyDiff;
  findings: BackupAccessFinding[];
}

export function planAccessPolicyGrant(input: {
  vault: KeyVaultLike;
  keyUsage: VaultKeyUsage;
  principal: { objectId: string; tenantId?: string };
}): AccessPolicyGrantPlan {
  const { vault, keyUsage, principal } = input;
  const vaultName = vault.name ?? lastSegment(vault.id);
  const findings: BackupAccessFinding[] = [];
  const entries = accessPolicyEntriesFor(vault, principal.objectId);

  for (const compound of (vault.properties.accessPolicies ?? []).filter((e) => eq(e.objectId, principal.objectId) && e.applicationId)) {
    findings.push(backupAccessFinding('access.compoundEntryIgnored', 'info', { objectId: compound.objectId, applicationId: compound.applicationId ?? '' }));
  }

  const before = {
    keys: union(entries.map((e) => e.permissions.keys)),
    secrets: union(entries.map((e) => e.permissions.secrets)),
  };
  const required = requiredAccessPolicyPermissions(keyUsage);
  const missing = { keys: missingFrom(before.keys, required.keys), secrets: missingFrom(before.secrets, required.secrets) };
  const after = { keys: [...before.keys, ...missing.keys], secrets: [...before.secrets, ...missing.secrets] };
  const diff: AccessPolicyDiff = { kind: 'accessPolicy', objectId: principal.objectId, before, after, lines: diffLines(before, missing, required) };

  if (principal.tenantId && !eq(principal.tenantId, vault.properties.tenantId)) {
    findings.push(
      backupAccessFinding('access.tenantMismatch', 'error', { principalTenant: principal.tenantId, vault: vaultName, vaultTenant: vault.properties.tenantId }),
    );
    return { steps: [], diff, findings };
  }
  if (missing.keys.length === 0 && missing.secrets.length === 0) return { steps: [], diff, findings };
  if (entries.length === 0 && (vault.properties.accessPolicies ?? []).length >= MAX_ACCESS_POLICY_ENTRIES) {
    findings.push(backupAccessFinding('access.policyLimitReached', 'error', { vault: vaultName }));
    return { steps: [], diff, findings };
  }

  const descriptionParams = { vault: vaultName, permissions: describePermissions(missing) };
  const step: AddAccessPolicyPermissionsStep = {
    kind: 'addAccessPolicyPermissions',
    description: fillBackupAccessText(BACKUP_ACCESS_STEP_TEXT.addAccessPolicyPermissions, descriptionParams),
    descriptionParams,
    vaultId: vault.id,
    operationKind: 'add',
    entry: { tenantId: vault.properties.tenantId, objectId: principal.objectId, permissions: missing },
  };
  return { steps: [step], diff, findings };
}

function describePermissions(p: RequiredAccessPolicyPermissions): string {
  const parts: string[] = [];
  if (p.keys.length) parts.push(`keys ${p.keys.join(', ')}`);
  if (p.secrets.length) parts.push(`secrets ${p.secrets.join(', ')}`);
  return parts.join('; ');
}

function diffLines(
  before: RequiredAccessPolicyPermissions,
  missing: RequiredAccessPolicyPermissions,
  required: RequiredAccessPolicyPermissions,
): BackupAccessDiffLine[] {
  const lines: BackupAccessDiffLine[] = [];
  const kinds = [
    { template: BACKUP_ACCESS_STEP_TEXT.keyPermissionsLine, before: before.keys, missing: missing.keys, required: required.keys },
    { template: BACKUP_ACCESS_STEP_TEXT.secretPermissionsLine, before: before.secrets, missing: missing.secrets, required: required.secrets },
  ];
  for (const k of kinds) {
    if (k.before.length === 0 && k.required.length === 0) continue;
    const existing = k.before.length ? k.before.join(', ') : BACKUP_ACCESS_STEP_TEXT.none;
    lines.push({ change: 'unchanged', text: fillBackupAccessText(k.template, { permissions: existing }) });
    if (k.missing.length) lines.push({ change: 'added', text: fillBackupAccessText(k.template, { permissions: k.missing.join(', ') }) });
  }
  return lines;
}
