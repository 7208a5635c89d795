import * as vscode from 'vscode';
import type { Translate } from '../../core/l10n/Translate.ts';

/** vscode.l10n.t with the core's signature: core decisions return text already in the user's language. */
export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
