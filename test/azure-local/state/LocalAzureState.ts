// The live state behind the ARM stand-in. Routes read and change it; tests and the admin endpoint inspect and
// tweak it. Resources are kept per kind, keyed by lower-cased id (ARM ids are case-insensitive), in fixture order.
import type { RecoveryServicesBackupSeed } from './recoveryServicesBackupModel.ts';
import type { ArmResource, Fixture, GraphServicePrincipal, LocalUser, PowerState, Subscription, Tenant } from './model.ts';

export type ResourceKind = 'resourceGroups' | 'virtualMachines' | 'disks' | 'snapshots' | 'vaults' | 'imageTemplates' | 'recoveryServicesVaults'
  | 'roleAssignments' | 'roleDefinitions';

/** One open "export" grant on a disk or snapshot: the stored access policy that signs its SAS URLs. */
export interface DiskGrant {
  policyId: string;
  /** diskState to return to when the grant is revoked. */
  previousState: string;
  expiresOn: Date;
}

export interface StoredResource {
  resource: ArmResource;
  /** Virtual machines only. */
  powerState?: PowerState;
  /** Virtual machines only: extra instance-view parts (extensions, disk encryption statuses, …). */
  instanceView?: Record<string, unknown>;
  /** Disks and snapshots only: the open grant, if any. */
  grant?: DiskGrant;
}

export interface RequestLogEntry {
  time: string;
  method: string;
  path: string;
  route?: string;
  status: number;
}

const kinds: ResourceKind[] = ['resourceGroups', 'virtualMachines', 'disks', 'snapshots', 'vaults', 'imageTemplates', 'recoveryServicesVaults', 'roleAssignments', 'roleDefinitions'];

export class LocalAzureState {
  readonly user: LocalUser;
  readonly tenants: Tenant[];
  readonly subscriptions: Subscription[];
  /** What recoveryServicesBackupStateOf() starts from: policies and protected VMs of the fixture's vaults. */
  readonly recoveryServicesBackupSeed: RecoveryServicesBackupSeed;
  /** Microsoft Graph directory objects the Graph stand-in serves (arm/routes/graph.ts). */
  readonly servicePrincipals: GraphServicePrincipal[];
  /** The last requests the stand-in answered (newest last), for tests that check what the extension called. */
  readonly requestLog: RequestLogEntry[] = [];
  private readonly byKind = new Map<ResourceKind, Map<string, StoredResource>>();

  constructor(fixture: Fixture) {
    const copy = structuredClone(fixture);
    this.user = copy.user;
    this.tenants = copy.tenants;
    this.subscriptions = copy.subscriptions;
    this.recoveryServicesBackupSeed = copy.recoveryServicesBackup ?? {};
    this.servicePrincipals = copy.servicePrincipals ?? [];
    for (const kind of kinds) this.byKind.set(kind, new Map());
    for (const rg of copy.resourceGroups) this.put('resourceGroups', { resource: rg });
    for (const vm of copy.virtualMachines) this.put('virtualMachines', { resource: vm.resource, powerState: vm.powerState, instanceView: vm.instanceView });
    for (const disk of copy.disks) this.put('disks', { resource: disk });
    for (const snapshot of copy.snapshots) this.put('snapshots', { resource: snapshot });
    for (const vault of copy.vaults) this.put('vaults', { resource: vault });
    for (const template of copy.imageTemplates) this.put('imageTemplates', { resource: template });
    for (const vault of copy.recoveryServicesVaults ?? []) this.put('recoveryServicesVaults', { resource: vault });
    for (const assignment of copy.roleAssignments ?? []) this.put('roleAssignments', { resource: assignment });
    for (const definition of copy.roleDefinitions ?? []) this.put('roleDefinitions', { resource: definition });
  }

  subscription(subscriptionId: string): Subscription | undefined {
    const id = subscriptionId.toLowerCase();
    return this.subscriptions.find((s) => s.subscriptionId.toLowerCase() === id);
  }

  resourceGroup(subscriptionId: string, name: string): StoredResource | undefined {
    return this.get('resourceGroups', `/subscriptions/${subscriptionId}/resourceGroups/${name}`);
  }

  get(kind: ResourceKind, id: string): StoredResource | undefined {
    return this.byKind.get(kind)!.get(id.toLowerCase());
  }

  /** Every resource of a kind in a subscription (and resource group), in a stable order. */
  list(kind: ResourceKind, subscriptionId: string, resourceGroup?: string): StoredResource[] {
    const prefix = resourceGroup && kind !== 'resourceGroups'
      ? `/subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}/`.toLowerCase()
      : `/subscriptions/${subscriptionId}/`.toLowerCase();
    const out: StoredResource[] = [];
    for (const [id, record] of this.byKind.get(kind)!) if (id.startsWith(prefix)) out.push(record);
    return out;
  }

  all(kind: ResourceKind): StoredResource[] {
    return [...this.byKind.get(kind)!.values()];
  }

  put(kind: ResourceKind, record: StoredResource): StoredResource {
    this.byKind.get(kind)!.set(record.resource.id.toLowerCase(), record);
    return record;
  }

  delete(kind: ResourceKind, id: string): boolean {
    return this.byKind.get(kind)!.delete(id.toLowerCase());
  }

  /** Every resource of any kind whose id matches (case-insensitive). */
  find(id: string): { kind: ResourceKind; record: StoredResource } | undefined {
    for (const kind of kinds) {
      const record = this.get(kind, id);
      if (record) return { kind, record };
    }
    return undefined;
  }

  logRequest(entry: RequestLogEntry): void {
    this.requestLog.push(entry);
    if (this.requestLog.length > 2000) this.requestLog.splice(0, this.requestLog.length - 2000);
  }

  /** A JSON view for the admin endpoint and for debugging. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { user: this.user, tenants: this.tenants, subscriptions: this.subscriptions, servicePrincipals: this.servicePrincipals };
    for (const kind of kinds) out[kind] = this.all(kind);
    return out;
  }
}

export function armId(subscriptionId: string, resourceGroup: string, type: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${type}/${name}`;
}

/** `{subscriptionId, resourceGroup, name}` from an ARM id (undefined when it is not one). */
export function parseArmId(id: string): { subscriptionId: string; resourceGroup: string; type: string; name: string } | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)$/i.exec(id);
  return m ? { subscriptionId: m[1], resourceGroup: m[2], type: m[3], name: m[4] } : undefined;
}
