// Structural shapes of the ARM/SDK objects the planner reads and of what it returns. Field names mirror
// @azure/arm-keyvault 5, @azure/arm-authorization 9 and @azure/arm-compute 25 so an adapter can pass the SDK
// objects straight in; every field is optional unless the planner cannot work without it.

export type FindingSeverity = 'error' | 'warning' | 'info';

/**
 * A finding in the house shape. `message`, `why` and `fix` are filled English; `params` holds the values that
 * were filled in, so the shell can re-render the template of `rule` (see backupAccessText.ts) in another language.
 */
export interface BackupAccessFinding {
  rule: string;
  severity: FindingSeverity;
  path?: string;
  message: string;
  why?: string;
  fix?: string;
  params?: Record<string, string>;
}

// ---- Key Vault (arm-keyvault: Vault, VaultProperties, AccessPolicyEntry, Permissions) ----

export interface KeyVaultPermissionsLike {
  keys?: string[];
  secrets?: string[];
  certificates?: string[];
  storage?: string[];
}

export interface AccessPolicyEntryLike {
  tenantId: string;
  objectId: string;
  /** Set only on "compound" entries (an app acting for a user); those do not grant the principal alone. */
  applicationId?: string;
  permissions: KeyVaultPermissionsLike;
}

export interface KeyVaultLike {
  id: string;
  name?: string;
  location?: string;
  properties: {
    tenantId: string;
    enableRbacAuthorization?: boolean;
    accessPolicies?: AccessPolicyEntryLike[];
    vaultUri?: string;
  };
}

// ---- Authorization (arm-authorization: RoleAssignment, RoleDefinition, Permission) ----

export interface RolePermissionLike {
  actions?: string[];
  notActions?: string[];
  dataActions?: string[];
  notDataActions?: string[];
}

export interface RoleDefinitionLike {
  id?: string;
  /** The GUID. */
  name?: string;
  roleName?: string;
  description?: string;
  /** 'BuiltInRole' | 'CustomRole' */
  roleType?: string;
  permissions?: RolePermissionLike[];
  assignableScopes?: string[];
}

export interface RoleAssignmentLike {
  id?: string;
  name?: string;
  scope?: string;
  roleDefinitionId?: string;
  principalId?: string;
  principalType?: string;
  /** ABAC condition; an assignment with one is not counted as a grant. */
  condition?: string;
  conditionVersion?: string;
}

// ---- What the planner decides ----

/** Which ADE secrets/keys live in a vault: the BEK (a secret), the KEK (a key), or both. */
export type VaultKeyUsage = 'bekOnly' | 'bekAndKek' | 'kekOnly';

export type RbacRoleChoice = 'keyVaultAdministrator' | 'leastPrivilegeCustomRole';

/** Where a custom role may be assigned. ARM accepts management groups, subscriptions and resource groups only. */
export type CustomRoleAssignableScope = 'subscription' | 'resourceGroup';

/** The body of PUT {scope}/providers/Microsoft.Authorization/roleDefinitions/{guid} (arm-authorization RoleDefinition). */
export interface CustomRoleDefinitionBody {
  roleName: string;
  description: string;
  roleType: 'CustomRole';
  permissions: Required<RolePermissionLike>[];
  assignableScopes: string[];
}

/** Executed with vaults.updateAccessPolicy(rg, vault, 'add', {properties:{accessPolicies:[entry]}}): ARM merges. */
export interface AddAccessPolicyPermissionsStep {
  kind: 'addAccessPolicyPermissions';
  description: string;
  descriptionParams: Record<string, string>;
  vaultId: string;
  operationKind: 'add';
  entry: { tenantId: string; objectId: string; permissions: { keys: string[]; secrets: string[] } };
}

/** Executed with roleDefinitions.createOrUpdate(scope, roleDefinitionName, roleDefinition). */
export interface CreateCustomRoleDefinitionStep {
  kind: 'createCustomRoleDefinition';
  description: string;
  descriptionParams: Record<string, string>;
  scope: string;
  roleDefinitionName: string;
  roleDefinitionId: string;
  roleDefinition: CustomRoleDefinitionBody;
}

/** Executed with roleAssignments.create(scope, roleAssignmentName, {roleDefinitionId, principalId, principalType}). */
export interface CreateRoleAssignmentStep {
  kind: 'createRoleAssignment';
  description: string;
  descriptionParams: Record<string, string>;
  scope: string;
  roleAssignmentName: string;
  roleDefinitionId: string;
  roleName: string;
  principalId: string;
  principalType: 'ServicePrincipal';
}

export type BackupAccessStep = AddAccessPolicyPermissionsStep | CreateCustomRoleDefinitionStep | CreateRoleAssignmentStep;

/** One line of the before/after view; `added` lines are what the plan would grant. */
export interface BackupAccessDiffLine {
  change: 'unchanged' | 'added';
  text: string;
}

export interface AccessPolicyDiff {
  kind: 'accessPolicy';
  objectId: string;
  before: { keys: string[]; secrets: string[] };
  after: { keys: string[]; secrets: string[] };
  lines: BackupAccessDiffLine[];
}

export interface RoleAssignmentSummary {
  roleName: string;
  roleDefinitionId: string;
  scope: string;
  /** Backup-relevant data actions this assignment grants on the vault. */
  grantedBackupDataActions: string[];
}

export interface RoleAssignmentDiff {
  kind: 'roleAssignments';
  principalId: string;
  before: RoleAssignmentSummary[];
  after: RoleAssignmentSummary[];
  lines: BackupAccessDiffLine[];
}

export interface BackupKeyVaultAccessPlan {
  vaultId: string;
  permissionModel: 'accessPolicy' | 'rbac';
  keyUsage: VaultKeyUsage;
  principalObjectId: string;
  /** Empty when Azure Backup already has what it needs, or when an error finding blocks planning. */
  steps: BackupAccessStep[];
  diff: AccessPolicyDiff | RoleAssignmentDiff;
  findings: BackupAccessFinding[];
  /** True when nothing needs to change. */
  alreadyGranted: boolean;
}
