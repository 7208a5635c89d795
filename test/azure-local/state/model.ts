// The data the local Azure serves: ARM JSON as GET returns it, plus the little run-time state ARM keeps
// beside a resource (a VM's power state, a disk's open SAS grants). Fixtures are written in these types.

import type { RecoveryServicesBackupSeed } from './recoveryServicesBackupModel.ts';

/** A resource exactly as ARM's GET returns it (id, name, type, location, tags, properties, …). */
export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  properties?: Record<string, any>;
  [key: string]: unknown;
}

export interface Tenant {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
  countryCode?: string;
  tenantCategory?: 'Home' | 'ProjectedBy' | 'ManagedBy';
}

export interface Subscription {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  /** Namespaces not listed here are reported as Registered. */
  providerRegistration?: Record<string, 'Registered' | 'NotRegistered' | 'Registering' | 'Unregistering'>;
}

/** The signed-in user the fake `az` issues tokens for. */
export interface LocalUser {
  objectId: string;
  userPrincipalName: string;
  displayName: string;
  homeTenantId: string;
  /** Microsoft Graph userType in the home tenant (default Member); in any other tenant the user is a Guest. */
  userType?: 'Member' | 'Guest';
}

/** A Microsoft Graph servicePrincipal (the Graph stand-in serves servicePrincipals(appId=...) per tenant). */
export interface GraphServicePrincipal {
  tenantId: string;
  id: string;
  appId: string;
  displayName: string;
}

export type PowerState = 'running' | 'stopped' | 'deallocated' | 'starting' | 'stopping' | 'deallocating';

export const powerStateDisplay: Record<PowerState, string> = {
  running: 'VM running',
  stopped: 'VM stopped',
  deallocated: 'VM deallocated',
  starting: 'VM starting',
  stopping: 'VM stopping',
  deallocating: 'VM deallocating',
};

export interface FixtureVm {
  resource: ArmResource;
  powerState: PowerState;
  /**
   * Parts of the instance view beyond power and provisioning state (extensions[], disks[] with
   * EncryptionState statuses, osName, vmAgent, …): merged into what `$expand=instanceView` returns.
   */
  instanceView?: Record<string, unknown>;
}

export interface Fixture {
  user: LocalUser;
  tenants: Tenant[];
  subscriptions: Subscription[];
  resourceGroups: ArmResource[];
  virtualMachines: FixtureVm[];
  disks: ArmResource[];
  snapshots: ArmResource[];
  vaults: ArmResource[];
  imageTemplates: ArmResource[];
  /** Microsoft.RecoveryServices/vaults (Azure Backup). */
  recoveryServicesVaults?: ArmResource[];
  /** Backup policies and protected VMs inside those vaults (see recoveryServicesBackupModel.ts). */
  recoveryServicesBackup?: RecoveryServicesBackupSeed;
  /** Microsoft.Authorization assignments, id {scope}/providers/Microsoft.Authorization/roleAssignments/{name}. */
  roleAssignments?: ArmResource[];
  /** Built-in and custom roles, id /providers/Microsoft.Authorization/roleDefinitions/{guid} (GUIDs are tenant-wide). */
  roleDefinitions?: ArmResource[];
  /** Service principals Microsoft Graph knows, per tenant. */
  servicePrincipals?: GraphServicePrincipal[];
}

/** Disk states that mean an export SAS is open. */
export const activeSasStates = new Set(['ActiveSAS', 'ActiveSASFrozen']);
