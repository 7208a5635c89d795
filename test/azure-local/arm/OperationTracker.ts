// Long-running operations as the Compute and Disk resource providers run them: the first answer is 202 with
// `Azure-AsyncOperation` (an operation-status URL whose body says InProgress | Succeeded | Failed | Canceled) and
// `Location` (the same URL with monitor=true: 202 while running, then 200 with the operation's result).
// Each operation stays InProgress for `lroDurationMs`, then its effect runs and decides the outcome.
import { randomUUID } from 'node:crypto';
import { ArmError } from './armError.ts';
import type { ArmEnvironment, RouteResult } from './route.ts';

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

/** Set by a fault rule: end the operation this way instead of running its effect. */
export interface OperationOutcomeOverride {
  status: 'Failed' | 'Canceled';
  code?: string;
  message?: string;
}

export interface TrackedOperation {
  id: string;
  subscriptionId: string;
  location: string;
  /** Path segment of the status URL: 'operations' (VMs) or 'DiskOperations' (disks, snapshots). */
  kind: 'operations' | 'DiskOperations';
  apiVersion: string;
  status: OperationStatus;
  startTime: string;
  endTime?: string;
  /** What the Location URL returns once Succeeded (undefined: an empty 200). */
  result?: unknown;
  error?: { code: string; message: string };
  /** HTTP status the Location URL answers with when the operation failed. */
  errorStatus?: number;
}

export interface StartOperation {
  subscriptionId: string;
  location: string;
  kind: TrackedOperation['kind'];
  apiVersion: string;
  /** The effect, run when the operation's time is up; its return value is the operation's result. */
  complete: () => unknown | Promise<unknown>;
  /** Undo a transitional state when a fault forces Failed/Canceled. */
  abandon?: () => void;
  override?: OperationOutcomeOverride;
  /** Initial 202 body (PUT/PATCH answer with the resource in its transitional state). */
  acceptedBody?: unknown;
}

export class OperationTracker {
  private readonly operations = new Map<string, TrackedOperation>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly env: () => ArmEnvironment;

  constructor(env: () => ArmEnvironment) {
    this.env = env;
  }

  get(id: string): TrackedOperation | undefined {
    return this.operations.get(id.toLowerCase());
  }

  /** Starts an operation and returns ARM's 202 answer for it. */
  start(spec: StartOperation): RouteResult {
    const op: TrackedOperation = {
      id: randomUUID(),
      subscriptionId: spec.subscriptionId,
      location: spec.location,
      kind: spec.kind,
      apiVersion: spec.apiVersion,
      status: 'InProgress',
      startTime: new Date().toISOString(),
    };
    this.operations.set(op.id, op);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.finish(op, spec);
    }, this.env().settings.lroDurationMs);
    this.timers.add(timer);
    return { status: 202, body: spec.acceptedBody, headers: this.pollingHeaders(op) };
  }

  private async finish(op: TrackedOperation, spec: StartOperation): Promise<void> {
    try {
      if (spec.override) {
        spec.abandon?.();
        op.status = spec.override.status;
        if (spec.override.status === 'Failed') {
          op.error = { code: spec.override.code ?? 'InternalExecutionError', message: spec.override.message ?? 'An internal execution error occurred. Please retry later.' };
          op.errorStatus = 500;
        }
      } else {
        op.result = await spec.complete();
        op.status = 'Succeeded';
      }
    } catch (error) {
      spec.abandon?.();
      op.status = 'Failed';
      if (error instanceof ArmError) {
        op.error = { code: error.code, message: error.message };
        op.errorStatus = error.status;
      } else {
        op.error = { code: 'InternalExecutionError', message: `An internal execution error occurred: ${(error as Error).message}` };
        op.errorStatus = 500;
      }
    }
    op.endTime = new Date().toISOString();
  }

  statusUrl(op: TrackedOperation, monitor: boolean): string {
    const { baseUrl } = this.env();
    const p = Buffer.from(op.location).toString('base64url');
    return (
      `${baseUrl}/subscriptions/${op.subscriptionId}/providers/Microsoft.Compute/locations/${op.location}/${op.kind}/${op.id}` +
      `?p=${p}${monitor ? '&monitor=true' : ''}&api-version=${op.apiVersion}`
    );
  }

  pollingHeaders(op: TrackedOperation): Record<string, string> {
    return {
      'Azure-AsyncOperation': this.statusUrl(op, false),
      Location: this.statusUrl(op, true),
      'Retry-After': String(this.env().settings.retryAfterSeconds),
    };
  }

  /** Stops pending timers (server shutdown). Operations not finished stay InProgress. */
  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
