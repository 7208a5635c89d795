// What a route module exports: method + path template + the api-versions the SDKs send, and a handler.
// Adding an ARM operation to the stand-in means adding one entry to a file in routes/.
import type { IncomingMessage } from 'node:http';
import type { LocalAzureState } from '../state/LocalAzureState.ts';
import type { DiskBlobStore } from '../storage/DiskBlobStore.ts';
import type { OperationOutcomeOverride, OperationTracker } from './OperationTracker.ts';
import type { TokenClaims } from './tokens.ts';

export interface ArmSettings {
  /** Items per page before a nextLink is given. */
  pageSize: number;
  /** How long every long-running operation stays InProgress. */
  lroDurationMs: number;
  /** How long each phase of the simulated Azure Disk Encryption extension lasts (default 1500 ms). */
  adeStepMs?: number;
  /** Retry-After (seconds) on 202 answers and InProgress operation status. */
  retryAfterSeconds: number;
}

/** Everything a handler may use. */
export interface ArmEnvironment {
  state: LocalAzureState;
  settings: ArmSettings;
  operations: OperationTracker;
  blobs: DiskBlobStore;
  /** https://127.0.0.1:PORT (no trailing slash): base of nextLink and operation URLs. */
  baseUrl: string;
}

export interface RouteContext {
  env: ArmEnvironment;
  req: IncomingMessage;
  method: string;
  /** The decoded request path (no query). */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  apiVersion: string;
  body: unknown;
  token: TokenClaims;
  /** A fault rule asked that the long-running operation this call starts ends Failed/Canceled. */
  operationOverride?: OperationOutcomeOverride;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  /** A stable name ('disks.grantAccess') to aim faults at and to read in the request log. */
  name: string;
  method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  /** Path template with {params}; matched case-insensitively, as ARM does. */
  template: string;
  /** The exact api-versions accepted (those the SDKs in package.json send). */
  apiVersions: readonly string[];
  /** 'Microsoft.Compute/disks' etc., for ARM's api-version error wording; omit for ARM's own endpoints. */
  resourceType?: string;
  /**
   * 'graph': a Microsoft Graph call served on the same origin under /graph. Graph has its own token audience
   * and no api-version query parameter.
   */
  service?: 'graph';
  handler(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

export function ok(body: unknown, headers?: Record<string, string>): RouteResult {
  return { status: 200, body, headers };
}
