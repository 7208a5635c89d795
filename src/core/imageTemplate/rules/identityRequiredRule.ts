// The service acts as the template's user-assigned identity to write managed images and gallery versions
// (article 003, アクセス許可), to use an existing staging resource group or virtual network, to write a VHD to your
// storage account, and to read scripts from Azure Storage without a SAS. Without one, the build fails late.

import { isArmExpression, isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding, type LocalizableMessage } from '../finding.ts';
import { asObject, customizers, distributors, inVMValidators, kindOf, templateProperties, type JsonObject } from '../templateAccess.ts';

const RULE = 'identity-required';

export const identityRequiredRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const reason = whyIdentityIsNeeded(resource);
    if (!reason) return [];
    const identity = resource.identity;
    if (identity === undefined) {
      return [ruleFinding(RULE, 'error', ['identity'], localizable(
        'Add a user-assigned identity ("identity": {"type": "UserAssigned", "userAssignedIdentities": {"<identity resource id>": {}}}): {0}', reason.message))];
    }
    const value = asObject(identity);
    if (!value || isArmExpression(value.type)) return [];
    if (value.type === 'None') {
      return [ruleFinding(RULE, 'error', ['identity', 'type'], localizable(
        'Identity type "None" won\'t work: {0} Use "UserAssigned" with an identity that has the needed permissions.', reason.message))];
    }
    const identities = value.userAssignedIdentities;
    if (isArmExpression(identities)) return [];
    if (!asObject(identities) || Object.keys(asObject(identities) ?? {}).length === 0) {
      return [ruleFinding(RULE, 'error', ['identity', identities === undefined ? 'type' : 'userAssignedIdentities'], localizable(
        'List the user-assigned identity in "userAssignedIdentities" (its resource id as key, {} as value): {0}', reason.message))];
    }
    return [];
  },
};

function whyIdentityIsNeeded(resource: JsonObject): LocalizableMessage | undefined {
  for (const { value } of distributors(resource)) {
    const kind = kindOf(value);
    if (kind === 'ManagedImage') return localizable('Image Builder needs it to write the managed image.');
    if (kind === 'SharedImage') return localizable('Image Builder needs it to write the Compute Gallery image version.');
    if (kind === 'VHD' && isLiteralString(value.uri) && value.uri.trim() !== '') {
      return localizable('Image Builder needs it to write the VHD to your storage account.');
    }
  }
  const properties = templateProperties(resource);
  if (isLiteralString(properties?.stagingResourceGroup) && properties.stagingResourceGroup.trim() !== '') {
    return localizable('Image Builder needs it to use your staging resource group.');
  }
  if (asObject(asObject(properties?.vmProfile)?.vnetConfig)?.subnetId !== undefined) {
    return localizable('Image Builder needs it to join the build VM to your virtual network.');
  }
  for (const { value } of [...customizers(resource), ...inVMValidators(resource)]) {
    const uri = value.scriptUri ?? value.sourceUri;
    if (isLiteralString(uri) && /\.blob\.core\./i.test(uri) && !/[?&]sig=/i.test(uri)) {
      return localizable('Image Builder needs it to read files from Azure Storage without a SAS token.');
    }
  }
  return undefined;
}
