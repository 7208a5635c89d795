import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { createImageTemplate, deleteImageTemplate, getImageTemplateJson, updateImageTemplateTagsAndIdentity } from '../../azure/imageBuilder/imageTemplateOperations.ts';
import { getProviderRegistrationState, IMAGE_BUILDER_NAMESPACE, listResourceGroups, registerProvider } from '../../azure/imageBuilder/providerRegistration.ts';
import { describeBuildCosts } from '../../core/imageBuilder/describeBuildCosts.ts';
import { assignRoleToIdentity, readPrincipalRoles, readUserAssignedIdentity } from '../../azure/imageBuilder/identityPermissions.ts';
import { evaluateIdentityPermissions, isArmScope, templateIdentityId, type IdentityPermissionGap } from '../../core/imageBuilder/evaluateIdentityPermissions.ts';
import { explainIdentityPermissions, type PermissionNeed } from '../../core/imageBuilder/explainIdentityPermissions.ts';
import { nextVersionedTemplateName } from '../../core/imageBuilder/nextVersionedTemplateName.ts';
import { planTemplateDeployment } from '../../core/imageBuilder/planTemplateDeployment.ts';
import { prepareTemplateForDeployment, validateTemplateName } from '../../core/imageBuilder/prepareTemplateForDeployment.ts';
import type { ImageTemplateBody } from '../../core/imageBuilder/templateJson.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { SubscriptionScopedNode } from '../../tree/TreeNode.ts';
import { pickSubscription } from '../pickers/pickSubscription.ts';
import { chooseReplacement } from './chooseReplacement.ts';
import { ensurePreviewFeatureRegistered } from './ensurePreviewFeatureRegistered.ts';
import { asTemplateNode, refreshTemplates, rememberTemplateFile, t, targetOf, type ImageBuilderContext } from './ImageBuilderContext.ts';
import { readTemplateDocument, refuseOnAzureFactErrors } from './readTemplateDocument.ts';

/**
 * "Deploy Image Template…": validate the file, pick where, check the provider and say what the identity needs,
 * then create — or, when a template of that name exists and differs, show the diff and deploy under a new
 * versioned name or delete and re-create, as the user chooses.
 */
export async function deployImageTemplate(ctx: ImageBuilderContext, arg?: vscode.Uri | SubscriptionScopedNode): Promise<void> {
  const file = await readTemplateDocument(arg instanceof vscode.Uri ? arg : undefined);
  const { document, template, warnings } = file;
  const prepared = prepareTemplateForDeployment(template.resource, t);
  if (!prepared.ok) throw new Error(prepared.problem);
  const session = arg && !(arg instanceof vscode.Uri) ? arg.session : await pickSubscription(ctx.services.accounts);
  await ensureProviderRegistered(session);
  await ensurePreviewFeatureRegistered(session, String(prepared.body.location ?? ''));
  await refuseOnAzureFactErrors(ctx.services.accounts, session, file);
  const resourceGroup = await pickResourceGroup(session, prepared.name ?? '');
  let name = prepared.name ?? (await askName());
  const deployed = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Looking for {0} in {1}…', name, resourceGroup) },
    () => getImageTemplateJson(session, resourceGroup, name));
  const plan = planTemplateDeployment(prepared.body, deployed as Record<string, unknown> | undefined, t);
  const id = `/subscriptions/${session.subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.VirtualMachineImages/imageTemplates/${name}`;
  switch (plan.kind) {
    case 'busy':
      throw new Error(plan.reason);
    case 'unchanged': {
      await rememberTemplateFile(ctx, id, document.uri);
      const build = vscode.l10n.t('Build Now');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} is already deployed exactly as the file describes it.', name), build);
      if (choice === build) await vscode.commands.executeCommand('azureLinuxVm.imageBuilder.build', asTemplateNode(targetOf(session, id)));
      return;
    }
    case 'updateInPlace': {
      const update = vscode.l10n.t('Update');
      if (await vscode.window.showInformationMessage(vscode.l10n.t('Only {0} of {1} changed. Update it in place?', plan.changed.join(', '), name), { modal: true }, update) !== update) throw new UserCancelledError();
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating {0}…', name) },
        () => updateImageTemplateTagsAndIdentity(session, resourceGroup, name, prepared.body));
      await rememberTemplateFile(ctx, id, document.uri);
      refreshTemplates(ctx, session);
      return;
    }
    case 'immutableChange': {
      const taken = (await ctx.services.inventories.for(session).get<{ name?: string }>('imageTemplate')).map((x) => x.name ?? '');
      const replacement = await chooseReplacement(ctx.services.documents, name, deployed!, prepared.body, plan.changed, nextVersionedTemplateName(name, taken));
      if (replacement.kind === 'recreate') {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0}…', name) },
          () => deleteImageTemplate(session, resourceGroup, name));
      } else {
        name = replacement.name;
      }
      return create(ctx, session, resourceGroup, name, prepared.body, document.uri, warnings.length, false);
    }
    case 'create':
      return create(ctx, session, resourceGroup, name, prepared.body, document.uri, warnings.length, true);
  }
}

async function create(ctx: ImageBuilderContext, session: SubscriptionSession, resourceGroup: string, name: string, body: ImageTemplateBody, file: vscode.Uri, warnings: number, confirm: boolean): Promise<void> {
  const permissions = await checkIdentityPermissions(session, body);
  if (confirm || permissions.gaps.length > 0) {
    const detail = [
      ...permissionLines(permissions),
      vscode.l10n.t('Costs:'), ...describeBuildCosts(body, t).map((line) => `• ${line}`),
      ...(warnings ? [vscode.l10n.t('The file has {0} warning(s) in the Problems panel.', warnings)] : []),
      vscode.l10n.t('An image template cannot be changed after it is created; keep the file.'),
    ].join('\n');
    const createLabel = vscode.l10n.t('Create');
    const assignLabel = vscode.l10n.t('Assign Missing Roles and Create');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Create the image template {0} in {1} ({2})?', name, resourceGroup, String(body.location)), { modal: true, detail },
      ...(permissions.gaps.length > 0 ? [assignLabel] : []), createLabel);
    if (choice !== createLabel && choice !== assignLabel) throw new UserCancelledError();
    if (choice === assignLabel) await assignMissingRoles(session, permissions);
  }
  const id = `/subscriptions/${session.subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.VirtualMachineImages/imageTemplates/${name}`;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating the image template {0}…', name), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      await createImageTemplate(session, resourceGroup, name, body, { abortSignal: abort.signal });
    },
  );
  await rememberTemplateFile(ctx, id, file);
  refreshTemplates(ctx, session);
  const build = vscode.l10n.t('Build Now');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The image template {0} was created in {1}.', name, resourceGroup), build);
  if (choice === build) await vscode.commands.executeCommand('azureLinuxVm.imageBuilder.build', asTemplateNode(targetOf(session, id)));
}

/** What the identity needs, and — when it can be read — what it lacks. A missing identity stops the deploy. */
export async function checkIdentityPermissions(session: SubscriptionSession, body: ImageTemplateBody): Promise<IdentityCheck> {
  const needs = explainIdentityPermissions(body, t);
  const identityId = templateIdentityId(body);
  if (!identityId || needs.length === 0) return { needs, gaps: [] };
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the roles of the template\'s identity…') }, async () => {
    const identity = await readUserAssignedIdentity(session, identityId).catch(() => 'unreadable' as const);
    if (identity === undefined) {
      throw new Error(vscode.l10n.t('The identity {0} does not exist. Create the user-assigned identity (or fix its id in the template) before deploying.', identityId.split('/').pop() ?? identityId));
    }
    if (identity === 'unreadable') return { needs, gaps: [], unchecked: true };
    try {
      const gaps = [];
      for (const need of needs.filter((n) => isArmScope(n.scope))) {
        const roles = await readPrincipalRoles(session, need.scope, identity.principalId);
        gaps.push(...evaluateIdentityPermissions({ needs: [need], principalId: identity.principalId, ...roles }));
      }
      return { needs, gaps, principalId: identity.principalId };
    } catch {
      return { needs, gaps: [], unchecked: true };
    }
  });
}

interface IdentityCheck {
  needs: PermissionNeed[];
  gaps: IdentityPermissionGap[];
  principalId?: string;
  /** The identity's roles could not be read (no permission): only what it needs is shown. */
  unchecked?: boolean;
}

function permissionLines(check: IdentityCheck): string[] {
  const lines: string[] = [];
  if (check.needs.length) lines.push(vscode.l10n.t('Its identity needs roles that allow it to:'), ...check.needs.map((n) => `• ${n.reason}: ${n.scope}`));
  if (check.gaps.length) {
    lines.push(vscode.l10n.t('The identity does not have these yet (the build would fail):'),
      ...check.gaps.map((g) => vscode.l10n.t('• {0} on {1} (to {2})', g.role.name, g.need.scope, g.need.reason)));
  } else if (check.unchecked && check.needs.length) {
    lines.push(vscode.l10n.t('Its role assignments could not be read, so they were not checked.'));
  }
  return lines;
}

async function assignMissingRoles(session: SubscriptionSession, check: IdentityCheck): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Assigning roles to the template\'s identity…') }, async (progress) => {
    for (const gap of check.gaps) {
      progress.report({ message: `${gap.role.name}: ${gap.need.scope}` });
      await assignRoleToIdentity(session, gap.need.scope, gap.role.id, check.principalId!);
    }
  });
}

async function ensureProviderRegistered(session: SubscriptionSession): Promise<void> {
  const state = await getProviderRegistrationState(session);
  if (state === 'Registered') return;
  const register = vscode.l10n.t('Register');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('VM Image Builder ({0}) is {1} in {2}. Register it now?', IMAGE_BUILDER_NAMESPACE, state, session.name),
    { modal: true, detail: vscode.l10n.t('Registering lets the service create its staging resource groups (IT_…) in this subscription. It takes a few minutes.') },
    register,
  );
  if (choice !== register) throw new UserCancelledError();
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Registering {0}…', IMAGE_BUILDER_NAMESPACE), cancellable: true },
    async (_p, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      await registerProvider(session, IMAGE_BUILDER_NAMESPACE, { abortSignal: abort.signal, pollIntervalMs: 2000 });
    });
}

async function pickResourceGroup(session: SubscriptionSession, templateName: string): Promise<string> {
  const groups = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing resource groups…') }, () => listResourceGroups(session));
  // Staging groups belong to Image Builder: a template is never created in one.
  const choices = groups.filter((g) => !/^IT_/i.test(g.name));
  const picked = await vscode.window.showQuickPick(choices.map((g) => ({ label: g.name, description: g.location })), {
    title: vscode.l10n.t('Resource group for the image template {0}', templateName), ignoreFocusOut: true, matchOnDescription: true,
  });
  if (!picked) throw new UserCancelledError();
  return picked.label;
}

async function askName(): Promise<string> {
  const name = await vscode.window.showInputBox({ title: vscode.l10n.t('Name of the image template'), ignoreFocusOut: true, validateInput: (v) => validateTemplateName(v, t) });
  if (!name) throw new UserCancelledError();
  return name;
}
