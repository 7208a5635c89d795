// What to do when one range request fails. The transport reports the facts (status, error code, socket error,
// Retry-After); these functions decide. The caller resumes from the last byte it received, so a retry never
// re-fetches bytes already written, and an attempt that made progress resets the attempt count: a long range
// over a flaky link should finish as long as each attempt moves it forward.

export type TransferFailureKind =
  | 'throttled' // 503 ServerBusy / 429: the service asks us to slow down
  | 'serverError' // 500, 502, 504: transient on Azure's side
  | 'connection' // reset, cut mid-body, refused, DNS hiccup
  | 'stalled' // no byte for the stall timeout
  | 'authExpired' // 403 auth failure: the SAS expired or was revoked
  | 'tokenRefused' // 401: the Microsoft Entra ID token of an Entra-ID-secured disk is missing, expired or not accepted
  | 'sourceChanged' // 412: the blob changed under us (If-Match on the ETag we planned with)
  | 'cancelled' // the user's AbortSignal
  | 'fatal'; // anything retrying will not fix (404, 403 permission mismatch, 400…)

export interface TransferFailureFacts {
  status?: number;
  /** x-ms-error-code, e.g. ServerBusy, AuthenticationFailed. */
  errorCode?: string;
  /** Node socket error code (ECONNRESET…) or 'aborted' for a body cut short. */
  networkCode?: string;
  cancelledByCaller?: boolean;
  stalled?: boolean;
}

const CONNECTION_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH',
  'ENETUNREACH', 'ENETDOWN', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE', 'aborted', 'prematureEnd',
]);
/** 403 codes that mean "this credential no longer works" (expired/revoked SAS) rather than "never allowed". */
const EXPIRED_AUTH_CODES = new Set(['AuthenticationFailed', 'AuthorizationFailure', 'InvalidAuthenticationInfo']);

export function classifyTransferFailure(facts: TransferFailureFacts): TransferFailureKind {
  if (facts.cancelledByCaller) return 'cancelled';
  if (facts.stalled) return 'stalled';
  const { status, errorCode } = facts;
  if (status === 503 || status === 429 || errorCode === 'ServerBusy') return 'throttled';
  if (status === 500 || status === 502 || status === 504 || status === 408) return 'serverError';
  // 401 is about the bearer token (disks secured with Entra ID), never the SAS (a bad SAS is 403): a new token,
  // not a new link, is the cure.
  if (status === 401) return 'tokenRefused';
  if (status === 403) return errorCode !== undefined && !EXPIRED_AUTH_CODES.has(errorCode) ? 'fatal' : 'authExpired';
  if (status === 412) return 'sourceChanged';
  if (status !== undefined && status > 0) return 'fatal';
  if (facts.networkCode !== undefined && CONNECTION_CODES.has(facts.networkCode)) return 'connection';
  // No status and no known code: a transport failure we cannot name. Retrying is the safe bet; the attempt limit ends it.
  return status === undefined ? 'connection' : 'fatal';
}

export interface RetryPolicy {
  /** Attempts in a row that delivered no new byte before we give up on the range. */
  maxAttemptsWithoutProgress: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is capped: we would rather try again than sit for minutes. */
  maxRetryAfterMs: number;
  /** Fresh SAS URLs asked for in a row without progress; a new URL that also fails means access is really gone. */
  maxSasRefreshesWithoutProgress: number;
  /** Fresh disk tokens asked for in a row without progress; a new token refused too means the sign-in is the problem. */
  maxTokenRefreshesWithoutProgress?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttemptsWithoutProgress: 8,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  maxSasRefreshesWithoutProgress: 2,
};

export interface RetrySituation {
  kind: TransferFailureKind;
  /** Failed attempts in a row without a new byte, including this one (>= 1). */
  attemptsWithoutProgress: number;
  sasRefreshesWithoutProgress: number;
  canRefreshSas: boolean;
  /** A bearer token is sent (Entra-ID-secured disk) and can be asked for again. */
  canRefreshToken?: boolean;
  tokenRefreshesWithoutProgress?: number;
  retryAfterMs?: number;
}

export type RetryDecision =
  | { action: 'retry'; delayMs: number }
  | { action: 'refreshSas' }
  | { action: 'refreshToken' }
  | { action: 'fail'; reason: TransferFailureKind | 'tooManyAttempts' | 'sasRefreshFailed' };

/** `random` in [0, 1) spreads retries so parallel ranges don't hammer the service in lockstep. */
export function decideRangeRetry(situation: RetrySituation, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: () => number = Math.random): RetryDecision {
  const { kind } = situation;
  if (kind === 'cancelled' || kind === 'fatal' || kind === 'sourceChanged') return { action: 'fail', reason: kind };
  if (kind === 'authExpired') {
    if (!situation.canRefreshSas) return { action: 'fail', reason: 'authExpired' };
    if (situation.sasRefreshesWithoutProgress >= policy.maxSasRefreshesWithoutProgress) return { action: 'fail', reason: 'sasRefreshFailed' };
    return { action: 'refreshSas' };
  }
  if (kind === 'tokenRefused') {
    if (!situation.canRefreshToken) return { action: 'fail', reason: 'tokenRefused' };
    if ((situation.tokenRefreshesWithoutProgress ?? 0) >= (policy.maxTokenRefreshesWithoutProgress ?? 1)) return { action: 'fail', reason: 'tokenRefused' };
    return { action: 'refreshToken' };
  }
  if (situation.attemptsWithoutProgress >= policy.maxAttemptsWithoutProgress) return { action: 'fail', reason: 'tooManyAttempts' };
  return { action: 'retry', delayMs: retryDelayMs(situation.attemptsWithoutProgress, situation.retryAfterMs, policy, random) };
}

/** Exponential backoff with jitter (50-100 % of the step), never shorter than the server's Retry-After. */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(step * (0.5 + random() * 0.5));
  if (retryAfterMs === undefined) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, policy.maxRetryAfterMs));
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Unparseable -> undefined. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
