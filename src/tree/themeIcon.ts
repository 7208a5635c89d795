import * as vscode from 'vscode';
import type { Presentation } from '../core/resources/Presentation.ts';

export function themeIcon(icon: Presentation['icon']): vscode.ThemeIcon {
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

/** A TreeItem from a Presentation: label, inline state, hover and the contextValue menus match on. */
export function treeItemFromPresentation(id: string, p: Presentation, collapsible: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(p.label, collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = p.description;
  item.tooltip = p.tooltip.join('\n');
  item.iconPath = themeIcon(p.icon);
  item.contextValue = p.contextValue;
  return item;
}
