import * as vscode from 'vscode';
import type { TreeNode } from '../TreeNode.ts';

export interface MessageNodeOptions {
  readonly icon?: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly command?: vscode.Command;
  readonly contextValue?: string;
}

/** A leaf that says something: "No disks", "Sign in to Azure…", a configuration problem. */
export class MessageNode implements TreeNode {
  readonly id: string;
  readonly parent?: TreeNode;
  private readonly label: string;
  private readonly options: MessageNodeOptions;

  constructor(parent: TreeNode | undefined, id: string, label: string, options: MessageNodeOptions = {}) {
    this.parent = parent;
    this.id = (parent ? parent.id + '/' : '') + id;
    this.label = label;
    this.options = options;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.options.description;
    item.tooltip = this.options.tooltip;
    item.command = this.options.command;
    item.contextValue = this.options.contextValue ?? 'message';
    if (this.options.icon) item.iconPath = new vscode.ThemeIcon(this.options.icon);
    return item;
  }
}
