// /__admin/*: switches for tests and demos running in another process. No auth (loopback only, test-only).
//   GET    /__admin/faults             -> { globalLatencyMs, faults: [...] }
//   POST   /__admin/faults             body: a FaultRule, an array of rules, or { add, remove, clear, globalLatencyMs }
//   DELETE /__admin/faults             -> removes every rule and the global latency
//   GET    /__admin/state              -> the whole state (resources, power states, grants, Azure Backup jobs)
//   POST   /__admin/state              body: { powerStates?: {vmId: state}, diskStates?: {id: diskState},
//                                              merge?: [{ id, ...partial ARM JSON }], settings?: { pageSize, lroDurationMs, retryAfterSeconds },
//                                              providerRegistration?: { subscriptionId: { namespace: 'NotRegistered' } } }
//   GET    /__admin/requests           -> the request log; DELETE clears it
//   GET    /__admin/health             -> { ok: true }
import type { LocalAzureState } from '../state/LocalAzureState.ts';
import { recoveryServicesBackupStateOf } from '../state/RecoveryServicesBackupState.ts';
import type { PowerState } from '../state/model.ts';
import { ArmError } from './armError.ts';
import type { FaultController } from './FaultController.ts';
import type { OperationTracker } from './OperationTracker.ts';
import type { ArmSettings, RouteResult } from './route.ts';
import { setVmPowerState } from './routes/vmPower.ts';

export interface AdminRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  rawBody: Buffer;
  state: LocalAzureState;
  faults: FaultController;
  settings: ArmSettings;
  operations: OperationTracker;
}

export interface StateChange {
  powerStates?: Record<string, PowerState>;
  diskStates?: Record<string, string>;
  merge?: Array<{ id: string; [key: string]: unknown }>;
  settings?: Partial<ArmSettings>;
  /** { [subscriptionId]: { 'Microsoft.VirtualMachineImages': 'NotRegistered' } } */
  providerRegistration?: Record<string, Record<string, 'Registered' | 'NotRegistered' | 'Registering' | 'Unregistering'>>;
}

export async function handleAdminRequest(req: AdminRequest): Promise<RouteResult> {
  const body = req.rawBody.length ? JSON.parse(req.rawBody.toString('utf8')) : undefined;
  const faultsView = () => ({ status: 200, body: { globalLatencyMs: req.faults.globalLatencyMs, faults: req.faults.list() } });
  switch (`${req.method} ${req.path.replace(/\/+$/, '')}`) {
    case 'GET /__admin/health':
      return { status: 200, body: { ok: true } };
    case 'GET /__admin/faults':
      return faultsView();
    case 'POST /__admin/faults':
      req.faults.applyAdminBody(body);
      return faultsView();
    case 'DELETE /__admin/faults':
      req.faults.clear();
      return faultsView();
    case 'GET /__admin/state':
      return { status: 200, body: { settings: req.settings, ...req.state.toJSON(), backupJobs: [...recoveryServicesBackupStateOf(req.state).jobs.values()] } };
    case 'POST /__admin/state':
      applyStateChange(req.state, req.settings, body as StateChange);
      return { status: 200, body: { settings: req.settings, ...req.state.toJSON() } };
    case 'GET /__admin/requests':
      return { status: 200, body: req.state.requestLog };
    case 'DELETE /__admin/requests':
      req.state.requestLog.length = 0;
      return { status: 200, body: [] };
    default:
      throw new ArmError(404, 'NotFound', `No admin endpoint ${req.method} ${req.path}`);
  }
}

/** Direct state changes (also used by the JS API): power states, disk states, partial JSON merges, settings. */
export function applyStateChange(state: LocalAzureState, settings: ArmSettings, change: StateChange): void {
  for (const [id, power] of Object.entries(change.powerStates ?? {})) {
    const vm = state.get('virtualMachines', id);
    if (!vm) throw new ArmError(404, 'NotFound', `No VM ${id}`);
    setVmPowerState(state, vm, power);
  }
  for (const [id, diskState] of Object.entries(change.diskStates ?? {})) {
    const disk = state.get('disks', id) ?? state.get('snapshots', id);
    if (!disk) throw new ArmError(404, 'NotFound', `No disk or snapshot ${id}`);
    disk.resource.properties = { ...disk.resource.properties, diskState };
  }
  for (const patch of change.merge ?? []) {
    const found = state.find(patch.id);
    if (!found) throw new ArmError(404, 'NotFound', `No resource ${patch.id}`);
    deepMerge(found.record.resource, patch);
  }
  for (const [subscriptionId, namespaces] of Object.entries(change.providerRegistration ?? {})) {
    const subscription = state.subscription(subscriptionId);
    if (!subscription) throw new ArmError(404, 'NotFound', `No subscription ${subscriptionId}`);
    subscription.providerRegistration = { ...subscription.providerRegistration, ...namespaces };
  }
  Object.assign(settings, change.settings ?? {});
}

function deepMerge(target: Record<string, any>, source: Record<string, any>): void {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object') deepMerge(target[key], value);
    else target[key] = value;
  }
}
