// Turns whatever the SDK or the socket threw into the plain facts the retry policy decides on. The SDK throws
// RestError (statusCode, code = x-ms-error-code, response headers) for HTTP failures, and assorted errors for
// transport failures: a body cut mid-way surfaces as 'aborted', ECONNRESET, or its own "received less data than
// required" message from the SDK's download stream. Messages are redacted: SDK errors quote the request URL.
import { redactSecrets } from '../../core/redact.ts';
import { parseRetryAfterMs, type TransferFailureFacts } from '../../core/download/rangeRetryPolicy.ts';

export interface DescribedFailure {
  facts: TransferFailureFacts;
  retryAfterMs?: number;
  /** Safe to show and log. */
  message: string;
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  details?: { errorCode?: string };
  response?: { status?: number; headers?: { get(name: string): string | undefined } };
  cause?: unknown;
}

export function describeStorageFailure(error: unknown, nowMs = Date.now()): DescribedFailure {
  const e = (error ?? {}) as ErrorLike;
  const status = e.statusCode ?? e.response?.status;
  const headerCode = e.response?.headers?.get('x-ms-error-code');
  const errorCode = headerCode ?? e.details?.errorCode ?? (status !== undefined && status > 0 ? e.code : undefined);
  const retryAfterMs = parseRetryAfterMs(e.response?.headers?.get('retry-after'), nowMs);
  const facts: TransferFailureFacts = { status: status && status > 0 ? status : undefined, errorCode, networkCode: networkCodeOf(e) };
  const what = facts.status !== undefined ? `HTTP ${facts.status}${errorCode ? ` ${errorCode}` : ''}` : (facts.networkCode ?? e.name ?? 'error');
  const message = redactSecrets(`${what}: ${firstLine(e.message ?? String(error))}`);
  return { facts, retryAfterMs, message };
}

function networkCodeOf(e: ErrorLike): string | undefined {
  const causeCode = (e.cause as ErrorLike | undefined)?.code;
  if (typeof e.code === 'string' && /^(E[A-Z]+|UND_ERR_\w+|ERR_\w+)$/.test(e.code)) return e.code;
  if (typeof causeCode === 'string') return causeCode;
  const message = e.message ?? '';
  if (/aborted/i.test(message) || e.name === 'AbortError') return 'aborted';
  if (/less data than required|premature|unexpected end/i.test(message)) return 'prematureEnd';
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0].slice(0, 300);
}
