import * as vscode from 'vscode';
import { describeAzureError } from '../../core/errors/describeAzureError.ts';
import type { TreeNode } from '../TreeNode.ts';

/**
 * Shown in place of a listing that failed: ARM's error in one sentence, and Retry (inline and on click) which
 * refreshes the node it stands in for. Its siblings — other subscriptions, other groups — still list.
 */
export class ErrorNode implements TreeNode {
  readonly id: string;
  readonly parent?: TreeNode;
  /** The node that failed to list; Retry refreshes it. */
  readonly retryTarget: TreeNode | undefined;
  readonly label: string;
  /** What failed, as thrown (the log gets it whole: stack and request ids). */
  readonly error: unknown;

  constructor(parent: TreeNode | undefined, label: string, error: unknown, retryTarget: TreeNode | undefined = parent, key = 'error') {
    this.parent = parent;
    this.id = (parent ? parent.id : '') + '/' + key;
    this.label = label;
    this.error = error;
    this.retryTarget = retryTarget;
  }

  getTreeItem(): vscode.TreeItem {
    const summary = describeAzureError(this.error, vscode.l10n.t);
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = summary.code ? `${summary.code}: ${summary.message}` : summary.message;
    item.tooltip = [this.label, summary.code, summary.message, vscode.l10n.t('Select to retry.')].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = summary.needsSignIn ? 'error retryable needsSignIn' : 'error retryable';
    item.command = { command: 'azureLinuxVm.retry', title: vscode.l10n.t('Retry'), arguments: [this] };
    return item;
  }
}
