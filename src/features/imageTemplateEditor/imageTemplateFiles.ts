// Which documents are image templates (pure). The custom editor claims `*.imagetemplate.json`; other JSON files
// (ARM deployment templates, saved copies) qualify when they mention the resource type.

export const IMAGE_TEMPLATE_EDITOR_VIEW_TYPE = 'azureLinuxVm.imageTemplateEditor';
export const IMAGE_TEMPLATE_FILE_SUFFIX = '.imagetemplate.json';
const TYPE_MENTION = /microsoft\.virtualmachineimages\/imagetemplates/i;

/** The file name pattern the schema is contributed for (`jsonValidation`), so VS Code's JSON service checks it. */
export function isImageTemplateFileName(fileName: string): boolean {
  return fileName.toLowerCase().endsWith(IMAGE_TEMPLATE_FILE_SUFFIX);
}

export function looksLikeImageTemplateDocument(fileName: string, languageId: string, text: string): boolean {
  if (isImageTemplateFileName(fileName)) return true;
  // `arm-template` is the language the Azure Resource Manager Tools extension gives deployment templates.
  return (languageId === 'json' || languageId === 'jsonc' || languageId === 'arm-template') && TYPE_MENTION.test(text);
}

/** What "Create an image template" writes into an empty file: the smallest template the validator guides from. */
export const NEW_TEMPLATE_TEXT = `{
  "type": "Microsoft.VirtualMachineImages/imageTemplates",
  "apiVersion": "2025-10-01",
  "name": "",
  "location": "",
  "identity": {
    "type": "UserAssigned",
    "userAssignedIdentities": {}
  },
  "properties": {
    "source": {
      "type": "PlatformImage",
      "publisher": "Canonical",
      "offer": "ubuntu-24_04-lts",
      "sku": "server",
      "version": "latest"
    },
    "customize": [],
    "distribute": []
  }
}
`;
