import { formatMessage, type Translate } from '../l10n/Translate.ts';
import { redactSecrets } from '../redact.ts';
import { LocalizableError } from './LocalizableError.ts';

/** What the user reads: one sentence, ARM's own code and message, never a stack. */
export interface AzureErrorSummary {
  readonly code?: string;
  readonly statusCode?: number;
  readonly message: string;
  /** True when signing in again is the likely fix (expired or missing credentials). */
  readonly needsSignIn: boolean;
}

const SIGN_IN_CODES = new Set([
  'InvalidAuthenticationToken',
  'ExpiredAuthenticationToken',
  'AuthenticationFailed',
  'InvalidAuthenticationTokenTenant',
  'CredentialUnavailableError',
  'AuthenticationRequiredError',
]);

/**
 * Reduces whatever an SDK threw (RestError, an ARM error body, a credential error, a plain Error) to ARM's
 * `error.code` and `error.message`. SDK messages sometimes embed the request URL (with a SAS) or a token:
 * everything is redacted. Our own LocalizableError is shown translated with `t` (the shell passes `vscode.l10n.t`).
 */
export function describeAzureError(error: unknown, t: Translate = formatMessage): AzureErrorSummary {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const body = findArmErrorBody(error) ?? parseLroFailure(e.message);
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code = body?.code ?? (typeof e.code === 'string' ? e.code : undefined) ?? nameIfSpecific(e.name);
  const ours = error instanceof LocalizableError ? t(error.template, ...error.args) : undefined;
  const rawMessage = ours ?? body?.message ?? (typeof e.message === 'string' ? e.message : String(error));
  const message = oneSentence(redactSecrets(rawMessage));
  const needsSignIn = statusCode === 401 || (code !== undefined && SIGN_IN_CODES.has(code));
  return { code, statusCode, message, needsSignIn };
}

/** `Code: message` — the form shown in notifications and error nodes. */
export function formatAzureError(error: unknown): string {
  const { code, message } = describeAzureError(error);
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}

interface ArmErrorBody {
  code?: string;
  message?: string;
}

function findArmErrorBody(error: unknown): ArmErrorBody | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as Record<string, unknown>;
  // RestError keeps the parsed body in `details` (core-client) or the raw text in `response.bodyAsText`.
  for (const candidate of [e.details, e.body, parseJson((e.response as { bodyAsText?: string } | undefined)?.bodyAsText)]) {
    const inner = (candidate as { error?: ArmErrorBody } | undefined)?.error;
    if (inner && (inner.code || inner.message)) return inner;
    const flat = candidate as ArmErrorBody | undefined;
    if (flat && typeof flat === 'object' && typeof flat.code === 'string' && typeof flat.message === 'string') return flat;
  }
  // Kept on the request by captureArmErrorPolicy when the SDK threw without the body (see that policy).
  const captured = (e.request as { armErrorBody?: ArmErrorBody } | undefined)?.armErrorBody;
  if (captured && (captured.code || captured.message)) return captured;
  const nested = e.error as ArmErrorBody | undefined;
  if (nested && typeof nested === 'object' && (nested.code || nested.message)) return nested;
  return undefined;
}

/**
 * @azure/core-lro reports a failed operation as a plain Error "The long-running operation has failed. CODE. MESSAGE"
 * (the operation status body's error): give the user ARM's code and message, as for any other failure.
 */
function parseLroFailure(message: unknown): ArmErrorBody | undefined {
  if (typeof message !== 'string') return undefined;
  const m = /^The long-running operation has failed\. ([A-Za-z][\w.]*)\. ([\s\S]+)$/.exec(message);
  return m ? { code: m[1], message: m[2] } : undefined;
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function nameIfSpecific(name: unknown): string | undefined {
  return typeof name === 'string' && name !== 'Error' && name !== 'RestError' ? name : undefined;
}

/** Stack traces and multi-line SDK dumps are for the log; the user gets the first line, trimmed. */
function oneSentence(message: string): string {
  const firstLine = message.split(/\r?\n/).find((line) => line.trim().length > 0) ?? message;
  const trimmed = firstLine.trim();
  return trimmed.length > 400 ? trimmed.slice(0, 397) + '…' : trimmed;
}
