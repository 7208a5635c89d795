// The stand-in's Image Builder service: what happens behind an image template once it exists. Creating one
// provisions a staging resource group `IT_<rg>_<template>_<guid>` holding a staging storage account; a run moves
// `lastRunStatus` through Queued → Building → Customizing (one step per customizer) → Optimizing → Validating →
// Distributing, appending to `packerlogs/<run>/customization.log` in Azurite as it goes, and ends Succeeded (with
// run outputs), Failed (a customizer whose inline command exits non-zero, see buildLogLines.ts) or Canceled.
import { randomBytes, randomUUID } from 'node:crypto';
import { BlobServiceClient, StorageSharedKeyCredential, type AppendBlobClient } from '@azure/storage-blob';
import type { ArmEnvironment } from '../arm/route.ts';
import type { LocalAzureState, StoredResource } from '../state/LocalAzureState.ts';
import { parseArmId } from '../state/LocalAzureState.ts';
import type { ArmResource } from '../state/model.ts';
import { buildingLines, customizerLines, customizersOf, finishedLines, phaseLines, queuedLines } from './buildLogLines.ts';
import { runOutputsFor, type RunOutputResource } from './runOutputs.ts';

export const LOG_CONTAINER = 'packerlogs';
type RunState = 'Running' | 'Canceling' | 'Succeeded' | 'Failed' | 'Canceled';
type Step = { subState: string; lines: () => string[]; fails?: boolean };

export interface SimulatedOperation {
  id: string;
  status: 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';
  startTime: string;
  endTime?: string;
  error?: { code: string; message: string };
}

export interface StagingStorageAccount {
  resource: ArmResource;
  /** Azurite's account: every staging account shares it (the stand-in has one blob service). */
  accountName: string;
  accountKey: string;
}

interface ActiveRun {
  runId: string;
  operationId: string;
  cancelRequested: boolean;
  timer?: NodeJS.Timeout;
}

const simulators = new WeakMap<LocalAzureState, BuildSimulator>();

/** The simulator behind one local Azure (tests use it to shorten the steps: `buildSimulatorFor(local.state).stepMs = 50`). */
export function buildSimulatorFor(state: LocalAzureState): BuildSimulator {
  let simulator = simulators.get(state);
  if (!simulator) simulators.set(state, (simulator = new BuildSimulator(state)));
  return simulator;
}

export class BuildSimulator {
  /** How long each build step lasts. The CLI (E2E, demo) reads LOCAL_AZURE_BUILD_STEP_MS. */
  stepMs = Number(process.env.LOCAL_AZURE_BUILD_STEP_MS ?? 1500);
  /**
   * The blob endpoint a new staging account gets (with a trailing slash). startLocalAzure sets it to the https
   * OAuth front (storage/attachBlobOAuthProxy.ts); without it, Azurite's own http endpoint.
   */
  stagingBlobEndpoint?: (accountId: string) => Promise<string>;
  private readonly state: LocalAzureState;
  private env?: ArmEnvironment;
  private readonly operations = new Map<string, SimulatedOperation>();
  private readonly storage = new Map<string, StagingStorageAccount>();
  private readonly runs = new Map<string, ActiveRun>();
  private readonly outputs = new Map<string, RunOutputResource[]>();
  /** Staging groups the service created (deleted with the template); a user-named existing one is kept. */
  private readonly ownedStagingGroups = new Set<string>();

  constructor(state: LocalAzureState) {
    this.state = state;
  }

  attach(env: ArmEnvironment): this {
    this.env = env;
    return this;
  }

  // ---- long-running operations (Azure-AsyncOperation) -------------------------------------------------------

  startOperation(): SimulatedOperation {
    const op: SimulatedOperation = { id: randomUUID(), status: 'InProgress', startTime: new Date().toISOString() };
    this.operations.set(op.id, op);
    return op;
  }

  finishOperation(id: string, status: SimulatedOperation['status'], error?: SimulatedOperation['error']): void {
    const op = this.operations.get(id);
    if (!op || op.status !== 'InProgress') return;
    Object.assign(op, { status, endTime: new Date().toISOString() }, error ? { error } : {});
  }

  operation(id: string): SimulatedOperation | undefined {
    return this.operations.get(id.toLowerCase());
  }

  statusUrl(subscriptionId: string, location: string, op: SimulatedOperation): string {
    return `${this.env!.baseUrl}/subscriptions/${subscriptionId}/providers/Microsoft.VirtualMachineImages/locations/${location}/operations/${op.id}?api-version=2025-10-01`;
  }

  /** Runs `effect` after `ms`, without keeping the process alive. */
  later(ms: number, effect: () => void | Promise<void>): NodeJS.Timeout {
    const timer = setTimeout(() => void Promise.resolve().then(effect).catch(() => undefined), ms);
    timer.unref();
    return timer;
  }

  // ---- staging resource group and storage account ------------------------------------------------------------

  /** Creates the staging group (named by the template or `IT_<rg>_<template>_<guid>`) and its storage account. */
  async provisionStaging(template: ArmResource): Promise<string> {
    const { subscriptionId, resourceGroup } = parseArmId(template.id)!;
    const requested = typeof template.properties?.stagingResourceGroup === 'string' ? template.properties.stagingResourceGroup : '';
    const name = requested ? requested.split('/').pop()! : `IT_${resourceGroup}_${template.name}_${randomUUID()}`;
    const groupId = `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
    if (!this.state.resourceGroup(subscriptionId, name)) {
      this.ownedStagingGroups.add(groupId.toLowerCase());
      this.state.put('resourceGroups', {
        resource: {
          id: groupId, name, type: 'Microsoft.Resources/resourceGroups', location: template.location,
          tags: { createdBy: 'AzureVMImageBuilder', imageTemplateName: String(template.name), imageTemplateResourceGroupName: resourceGroup },
          properties: { provisioningState: 'Succeeded' },
          managedBy: template.id,
        },
      });
    }
    const accountName = randomBytes(12).toString('hex').replace(/^\d/, 'a').slice(0, 24);
    const accountId = `${groupId}/providers/Microsoft.Storage/storageAccounts/${accountName}`;
    const blob = this.env!.blobs.account;
    const blobEndpoint = this.stagingBlobEndpoint ? await this.stagingBlobEndpoint(accountId) : `${blob.blobEndpoint}/`;
    this.storage.set(groupId.toLowerCase(), {
      accountName: blob.accountName,
      accountKey: blob.accountKey,
      resource: {
        id: accountId,
        name: accountName,
        type: 'Microsoft.Storage/storageAccounts',
        location: template.location,
        kind: 'StorageV2',
        sku: { name: 'Standard_LRS', tier: 'Standard' },
        properties: { provisioningState: 'Succeeded', primaryEndpoints: { blob: blobEndpoint }, allowBlobPublicAccess: false },
      },
    });
    return groupId;
  }

  storageAccountsIn(subscriptionId: string, resourceGroup: string): StagingStorageAccount[] {
    const account = this.storage.get(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`.toLowerCase());
    return account ? [account] : [];
  }

  removeStaging(template: ArmResource): void {
    const groupId = String(template.properties?.exactStagingResourceGroup ?? '').toLowerCase();
    this.storage.delete(groupId);
    if (this.ownedStagingGroups.delete(groupId)) this.state.delete('resourceGroups', groupId);
    this.outputs.delete(template.id.toLowerCase());
    const run = this.runs.get(template.id.toLowerCase());
    if (run?.timer) clearTimeout(run.timer);
    this.runs.delete(template.id.toLowerCase());
  }

  // ---- runs ------------------------------------------------------------------------------------------------

  isRunning(template: ArmResource): boolean {
    return this.runs.has(template.id.toLowerCase());
  }

  /** Starts a build; the returned operation ends when the build does. */
  startRun(record: StoredResource): SimulatedOperation {
    const template = record.resource;
    const op = this.startOperation();
    // Run folders sort by start time (the service's are random GUIDs): tests that run several templates against one
    // shared blob account then still find each run's own log when two were written within the same second.
    const run: ActiveRun = { runId: `${Date.now().toString(16)}-${randomUUID().slice(9)}`, operationId: op.id, cancelRequested: false };
    this.runs.set(template.id.toLowerCase(), run);
    this.outputs.delete(template.id.toLowerCase());
    const log = this.createLog(template, run.runId);
    const steps = this.stepsFor(template, run.runId);
    this.setRunStatus(template, 'Running', 'Queued', '', true);
    let index = 0;
    const next = async () => {
      if (this.runs.get(template.id.toLowerCase()) !== run) return; // deleted meanwhile
      if (run.cancelRequested) return this.finishRun(template, run, 'Canceled', 'Build canceled by the user.', log);
      const step = steps[index++];
      if (!step) {
        this.outputs.set(template.id.toLowerCase(), runOutputsFor(template, this.env!.blobs.account.blobEndpoint));
        return this.finishRun(template, run, 'Succeeded', '', log);
      }
      this.setRunStatus(template, 'Running', step.subState, '');
      await log.append(step.lines());
      if (step.fails) return this.finishRun(template, run, 'Failed', await this.failureMessage(log), log);
      run.timer = this.later(this.stepMs, next);
    };
    void log.append([]).then(() => { run.timer = this.later(this.stepMs, next); });
    return op;
  }

  /** Asks the running build to stop; it is Canceled at its next step. */
  cancelRun(record: StoredResource): SimulatedOperation {
    const op = this.startOperation();
    const run = this.runs.get(record.resource.id.toLowerCase());
    if (!run) {
      this.finishOperation(op.id, 'Succeeded');
      return op;
    }
    run.cancelRequested = true;
    this.setRunStatus(record.resource, 'Canceling', record.resource.properties?.lastRunStatus?.runSubState, '');
    const watch = (): void => {
      if (this.runs.get(record.resource.id.toLowerCase()) === run) this.later(50, watch);
      else this.finishOperation(op.id, 'Succeeded');
    };
    this.later(50, watch);
    return op;
  }

  runOutputs(template: ArmResource): RunOutputResource[] {
    return this.outputs.get(template.id.toLowerCase()) ?? [];
  }

  private stepsFor(template: ArmResource, runId: string): Step[] {
    const steps: Step[] = [{ subState: 'Building', lines: () => [...queuedLines(template, runId), ...buildingLines(template)] }];
    for (const c of customizersOf(template)) {
      steps.push({ subState: 'Customizing', lines: () => customizerLines(c), fails: !!c.failingCommand });
      if (c.failingCommand) return steps;
    }
    steps.push({ subState: 'Optimizing', lines: () => phaseLines('Optimizing', template) });
    steps.push({ subState: 'Validating', lines: () => phaseLines('Validating', template) });
    steps.push({ subState: 'Distributing', lines: () => phaseLines('Distributing', template) });
    return steps;
  }

  private async finishRun(template: ArmResource, run: ActiveRun, state: 'Succeeded' | 'Failed' | 'Canceled', message: string, log: RunLog): Promise<void> {
    await log.append(finishedLines(state));
    this.setRunStatus(template, state, state === 'Failed' ? template.properties?.lastRunStatus?.runSubState : undefined, message);
    this.runs.delete(template.id.toLowerCase());
    if (state === 'Failed') this.finishOperation(run.operationId, 'Failed', { code: 'BuildFailed', message });
    else this.finishOperation(run.operationId, state === 'Canceled' ? 'Canceled' : 'Succeeded');
  }

  private async failureMessage(log: RunLog): Promise<string> {
    return 'Failed while waiting for packerizer: Microservice has failed: Failed while processing request: Error when executing packerizer: ' +
      'Packer build command has failed: exit status 1. During the image build, a failure has occurred, please review the build log to ' +
      'identify which build/customization step failed. For more troubleshooting steps go to https://aka.ms/azvmimagebuildertroubleshoot. ' +
      `Image Build log location: ${log.url}`;
  }

  private setRunStatus(template: ArmResource, runState: RunState, runSubState: string | undefined, message: string, restart = false): void {
    const previous = template.properties!.lastRunStatus ?? {};
    const finished = !['Running', 'Canceling'].includes(runState);
    template.properties!.lastRunStatus = {
      startTime: restart ? new Date().toISOString() : previous.startTime,
      ...(finished ? { endTime: new Date().toISOString() } : {}),
      runState,
      ...(runSubState ? { runSubState } : {}),
      message,
    };
  }

  /** The service writes the log straight into Azurite; its URL is on the staging account's own endpoint. */
  private createLog(template: ArmResource, runId: string): RunLog {
    const { blobEndpoint, accountName, accountKey } = this.env!.blobs.account;
    const service = new BlobServiceClient(blobEndpoint, new StorageSharedKeyCredential(accountName, accountKey));
    const container = service.getContainerClient(LOG_CONTAINER);
    const blobName = `${runId}/customization.log`;
    const blob: AppendBlobClient = container.getAppendBlobClient(blobName);
    let chain: Promise<unknown> = container.createIfNotExists().then(() => blob.create());
    const account = this.storage.get(String(template.properties?.exactStagingResourceGroup ?? '').toLowerCase());
    const accountEndpoint = account?.resource.properties?.primaryEndpoints?.blob as string | undefined;
    return {
      url: accountEndpoint ? `${accountEndpoint}${LOG_CONTAINER}/${blobName}` : blob.url,
      append(lines: string[]) {
        if (lines.length === 0) return chain.then(() => undefined);
        const text = Buffer.from(lines.join('\n') + '\n');
        chain = chain.then(() => blob.appendBlock(text, text.length)).catch(() => undefined);
        return chain.then(() => undefined);
      },
    };
  }
}

interface RunLog {
  /** The blob's URL without any SAS (the service quotes it in a failed run's message). */
  url: string;
  append(lines: string[]): Promise<void>;
}
