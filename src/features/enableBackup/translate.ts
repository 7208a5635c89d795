import * as vscode from 'vscode';
import type { Translate } from '../../core/l10n/Translate.ts';

/** The core's messages, in the user's language. */
export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
