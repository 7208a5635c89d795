// Fault injection for the ARM stand-in: added latency and failures per route, switchable from the test's own
// process (JS API) or from another one (POST /__admin/faults), so E2E tests and the demo can show how the
// extension behaves when Azure is slow or failing.
import { randomUUID } from 'node:crypto';
import { ArmError } from './armError.ts';
import type { OperationOutcomeOverride } from './OperationTracker.ts';

export interface FaultRule {
  /** Assigned when added; pass it to remove(). */
  id?: string;
  /** A route name such as 'disks.grantAccess' or 'virtualMachines.listAll' (see the request log). */
  route?: string;
  /** A path glob, case-insensitive: `*` is one segment, `**` any number ('/subscriptions/*\/providers/Microsoft.Compute/disks'). */
  path?: string;
  /** Only this HTTP method. */
  method?: string;
  /** Added before answering every matching call. */
  latencyMs?: number;
  /** Fail matching calls with this HTTP status and ARM error code/message. */
  status?: number;
  code?: string;
  message?: string;
  /** Sent as Retry-After with the failure (429/503 throttling). */
  retryAfterSeconds?: number;
  /** Fail only every n-th matching call (1 = every call). */
  everyNth?: number;
  /** Fail only the next k matching calls; the rule then has no effect. */
  times?: number;
  /** For long-running operations: accept the call, then end the operation Failed/Canceled with code/message. */
  operationOutcome?: 'Failed' | 'Canceled';
}

interface LiveRule {
  rule: FaultRule & { id: string };
  matched: number;
  fired: number;
}

export interface FaultDecision {
  latencyMs: number;
  failure?: ArmError;
  operationOverride?: OperationOutcomeOverride;
}

export class FaultController {
  /** Added to every ARM call (the benchmark uses 100 ms to look like a real network). */
  globalLatencyMs = 0;
  private rules: LiveRule[] = [];

  add(rule: FaultRule): string {
    const id = rule.id ?? randomUUID();
    this.rules.push({ rule: { ...rule, id }, matched: 0, fired: 0 });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
    this.globalLatencyMs = 0;
  }

  list(): Array<FaultRule & { matched: number; fired: number }> {
    return this.rules.map((r) => ({ ...r.rule, matched: r.matched, fired: r.fired }));
  }

  /** Applies the admin endpoint's body: a rule, a list of rules, or `{ add?, clear?, remove?, globalLatencyMs? }`. */
  applyAdminBody(body: unknown): void {
    if (Array.isArray(body)) {
      for (const rule of body) this.add(rule as FaultRule);
      return;
    }
    if (!body || typeof body !== 'object') throw new Error('expected a fault rule, an array of rules, or { add, clear, remove, globalLatencyMs }');
    const b = body as { add?: FaultRule | FaultRule[]; clear?: boolean; remove?: string | string[]; globalLatencyMs?: number } & FaultRule;
    if (b.clear) this.clear();
    for (const id of [b.remove ?? []].flat()) this.remove(id);
    for (const rule of [b.add ?? []].flat()) this.add(rule);
    if (typeof b.globalLatencyMs === 'number') this.globalLatencyMs = b.globalLatencyMs;
    if (b.route || b.path) this.add(b);
  }

  /** Decides what happens to one call. Counting happens here, so call it once per request. */
  decide(method: string, path: string, routeName: string | undefined): FaultDecision {
    let latencyMs = this.globalLatencyMs;
    let failure: ArmError | undefined;
    let operationOverride: OperationOutcomeOverride | undefined;
    for (const live of this.rules) {
      const { rule } = live;
      if (!matches(rule, method, path, routeName)) continue;
      if (rule.times !== undefined && live.fired >= rule.times) continue;
      live.matched++;
      const due = !rule.everyNth || live.matched % rule.everyNth === 0;
      if (rule.latencyMs && (due || !rule.status)) latencyMs += rule.latencyMs;
      if (!due) continue;
      if (rule.operationOutcome) {
        live.fired++;
        operationOverride ??= { status: rule.operationOutcome, code: rule.code, message: rule.message };
      } else if (rule.status) {
        live.fired++;
        failure ??= new ArmError(rule.status, rule.code ?? defaultCode(rule.status), rule.message ?? defaultMessage(rule.status), {
          headers: rule.retryAfterSeconds !== undefined ? { 'Retry-After': String(rule.retryAfterSeconds) } : {},
        });
      } else if (rule.times !== undefined) {
        live.fired++; // a latency-only rule limited to k calls
      }
    }
    return { latencyMs, failure, operationOverride };
  }
}

function matches(rule: FaultRule, method: string, path: string, routeName: string | undefined): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.route && rule.route.toLowerCase() !== routeName?.toLowerCase()) return false;
  if (rule.path && !globMatches(rule.path, path)) return false;
  return Boolean(rule.route || rule.path || rule.method);
}

export function globMatches(glob: string, path: string): boolean {
  const g = glob.toLowerCase().split('/').filter(Boolean);
  const p = path.toLowerCase().split('/').filter(Boolean);
  const walk = (i: number, j: number): boolean => {
    if (i === g.length) return j === p.length;
    if (g[i] === '**') return walk(i + 1, j) || (j < p.length && walk(i, j + 1));
    return j < p.length && (g[i] === '*' || g[i] === p[j]) && walk(i + 1, j + 1);
  };
  return walk(0, 0);
}

function defaultCode(status: number): string {
  if (status === 429) return 'TooManyRequests';
  if (status === 503) return 'ServiceUnavailable';
  if (status >= 500) return 'InternalServerError';
  return 'BadRequest';
}

function defaultMessage(status: number): string {
  if (status === 429) return 'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00.';
  if (status >= 500) return 'The server encountered an internal error. Please retry the request.';
  return 'The request is invalid.';
}
