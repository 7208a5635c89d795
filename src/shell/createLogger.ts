import * as vscode from 'vscode';
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

function errorDetails(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? '\n' + error.stack : ''}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
