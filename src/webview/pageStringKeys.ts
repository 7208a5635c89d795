// The keys of every string the image template editor page shows. The host fills them with `vscode.l10n.t(...)`
// (src/features/imageTemplateEditor/pageStrings.ts) and sends them in the initial state, so the page never holds
// English text of its own. Strings with {0}, {1} are filled in by the page (`formatString`).

export const PAGE_STRING_KEYS = [
  'title', 'template', 'showJsonBeside', 'openAsText', 'createTemplate',
  'readOnlySyntax', 'readOnlyEmpty', 'readOnlyNotObject', 'readOnlyNoTemplate',
  'summary', 'noProblems', 'otherFindings', 'showInJson',
  'sectionGeneral', 'sectionIdentity', 'sectionSource', 'sectionCustomize', 'sectionDistribute', 'sectionVmProfile',
  'sectionBuild', 'sectionValidate',
  'name', 'location', 'identityId', 'identityHint',
  'sourceType', 'publisher', 'offer', 'sku', 'version', 'imageId', 'imageVersionId', 'genV1', 'genV2', 'genUnknown',
  'kindPlatformImage', 'kindManagedImage', 'kindSharedImageVersion',
  'kindShell', 'kindFile', 'kindPowerShell', 'kindWindowsRestart', 'kindWindowsUpdate',
  'kindManagedImageTarget', 'kindSharedImage', 'kindVhd',
  'stepType', 'stepName', 'stepTitle', 'scriptUri', 'sha256Checksum', 'inline', 'sourceUri', 'destination',
  'runElevated', 'runAsSystem', 'restartCommand', 'restartCheckCommand', 'restartTimeout', 'searchCriteria', 'filters',
  'updateLimit',
  'targetType', 'runOutputName', 'managedImageId', 'imageLocation', 'galleryImageId', 'targetRegions', 'regionName',
  'replicaCount', 'storageAccountType', 'replicationRegions', 'vhdUri',
  'vmSize', 'osDiskSizeGB', 'subnetId', 'buildTimeout', 'stagingResourceGroup',
  'continueDistributeOnFailure', 'sourceValidationOnly', 'vmBoot', 'sectionInVMValidations', 'addValidation',
  'addStep', 'addTarget', 'addRegion', 'moveUp', 'moveDown', 'remove',
  'chooseType', 'defaultOption', 'emptyList', 'setByExpression', 'editInJson',
] as const;

export type PageStringKey = (typeof PAGE_STRING_KEYS)[number];
export type PageStrings = Record<PageStringKey, string>;

/** Fills `{0}`, `{1}` … like `vscode.l10n.t` does. */
export function formatString(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}
