import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { parseResourceId } from '../../core/resources/parseResourceId.ts';
import type { Translate } from '../../core/l10n/Translate.ts';
import type { Services } from '../../services.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';

/** What every Image Builder command needs: the shared services and the file each template was deployed from. */
export interface ImageBuilderContext {
  readonly services: Services;
  readonly workspaceState: vscode.Memento;
  /** Templates whose build cancel failed in this window (lower-cased id → when): Delete explains instead of retrying. */
  readonly failedCancels: Map<string, Date>;
}

export interface TemplateTarget {
  readonly session: SubscriptionSession;
  readonly id: string;
  readonly resourceGroup: string;
  readonly name: string;
}

export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** The template a command acts on: the tree node, or subscription → template pickers from the palette. */
export async function pickImageTemplate(ctx: ImageBuilderContext, node?: ResourceNode): Promise<TemplateTarget> {
  const picked = await pickResource(ctx.services.accounts, ctx.services.inventories, node, ['imageTemplate']);
  return targetOf(picked.session, picked.resource.id);
}

/** A follow-up command (from a notification) gets the template as the tree would hand it over. */
export function asTemplateNode(target: TemplateTarget): ResourceNode {
  return { id: target.id, kind: 'imageTemplate', session: target.session, resource: { id: target.id, name: target.name }, getTreeItem: () => new vscode.TreeItem(target.name) };
}

export function targetOf(session: SubscriptionSession, id: string): TemplateTarget {
  const parts = parseResourceId(id);
  if (!parts) throw new Error(vscode.l10n.t('Not an image template id: {0}', id));
  return { session, id, resourceGroup: parts.resourceGroup, name: parts.name };
}

/** After a change in Azure: list the subscription's templates again and redraw, so the tree shows the new state. */
export function refreshTemplates(ctx: ImageBuilderContext, session: SubscriptionSession): void {
  ctx.services.inventories.for(session).invalidate('imageTemplate');
  ctx.services.tree.redraw(session, ['imageTemplate']);
}

const FILES_KEY = 'azureLinuxVm.imageBuilder.templateFiles';

/** The file a template was deployed from or saved to, so "go to customizer" opens the user's own file. */
export function rememberTemplateFile(ctx: ImageBuilderContext, templateId: string, file: vscode.Uri): Thenable<void> {
  const files = { ...ctx.workspaceState.get<Record<string, string>>(FILES_KEY, {}), [templateId.toLowerCase()]: file.toString() };
  return ctx.workspaceState.update(FILES_KEY, files);
}

export function templateFileOf(ctx: ImageBuilderContext, templateId: string): vscode.Uri | undefined {
  const file = ctx.workspaceState.get<Record<string, string>>(FILES_KEY, {})[templateId.toLowerCase()];
  return file ? vscode.Uri.parse(file) : undefined;
}

export function pollIntervalMs(): number {
  const seconds = vscode.workspace.getConfiguration('azureLinuxVm.imageBuilder').get<number>('statusPollSeconds', 5);
  return Math.max(1, seconds) * 1000;
}
