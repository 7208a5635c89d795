import type * as vscode from 'vscode';
import { redactSecrets } from '../core/redact.ts';

/** What our code logs through. Every message and error is redacted before it reaches the output channel. */
export interface Logger {
  trace(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(channel: vscode.LogOutputChannel): Logger {
  const clean = (message: string) => redactSecrets(message);
  return {
    trace: (m) => channel.trace(clean(m)),
    info: (m) => channel.info(clean(m)),
    warn: (m) => channel.warn(clean(m)),
    error: (m, error) => channel.error(clean(error === undefined ? m : `${m}: ${errorDetails(error)}`)),
  };
}

/**
 * Everything the log needs to trace a failure: name, message, stack, and the ids Azure support asks for (the
 * client request id the SDK sent and ARM's x-ms-request-id / x-ms-correlation-request-id).
 */
export function errorDetails(error: unknown): string {
  if (error instanceof Error) {
    const ids = requestIds(error);
    return `${error.name}: ${error.message}${ids ? ` (${ids})` : ''}${error.stack ? '\n' + error.stack : ''}`;
  }
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

function requestIds(error: Error): string {
  const e = error as { request?: { requestId?: unknown }; response?: { headers?: { get?(name: string): string | undefined } } };
  const header = (name: string) => {
    try {
      return e.response?.headers?.get?.(name);
    } catch {
      return undefined;
    }
  };
  const ids: Array<[string, unknown]> = [
    ['client request id', e.request?.requestId],
    ['x-ms-request-id', header('x-ms-request-id')],
    ['x-ms-correlation-request-id', header('x-ms-correlation-request-id')],
  ];
  return ids.filter(([, value]) => typeof value === 'string' && value).map(([name, value]) => `${name} ${String(value)}`).join(', ');
}
