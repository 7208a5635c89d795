// Every fixed identifier and permission list the backup-access planner relies on, in one place, so the
// adapters, the tests and the shell agree on them and a reviewer can check them against the article
// (../shared/seeds/002_c38db0b56ade4317.txt) in one glance.

/** Application (client) id of "Backup Management Service"; the same in every tenant. Its object id is not. */
export const BACKUP_MANAGEMENT_SERVICE_APP_ID = '262044b1-e2ce-469f-a196-69ab7ada62d3';

/** Built-in "Key Vault Administrator": grants get/list/backup on keys and secrets (and much more). */
export const KEY_VAULT_ADMINISTRATOR_ROLE_ID = '00482a5a-887f-4fb3-b363-3b7fe8e74483';
export const KEY_VAULT_ADMINISTRATOR_ROLE_NAME = 'Key Vault Administrator';
/**
 * Its data actions as published for the built-in role. Kept here so the planner can tell that an existing
 * Key Vault Administrator assignment (at any scope) already covers Azure Backup without the adapter having to
 * fetch the built-in definition.
 */
export const KEY_VAULT_ADMINISTRATOR_DATA_ACTIONS: readonly string[] = ['Microsoft.KeyVault/vaults/*'];

/** Exactly the five data actions the article lists for a least-privilege custom role (order as in the article). */
export const BACKUP_KEY_VAULT_DATA_ACTIONS: readonly string[] = [
  'Microsoft.KeyVault/vaults/keys/backup/action',
  'Microsoft.KeyVault/vaults/secrets/backup/action',
  'Microsoft.KeyVault/vaults/secrets/getSecret/action',
  'Microsoft.KeyVault/vaults/keys/read',
  'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
];

/** Default name and description of the custom role we create when the user picks least privilege. */
export const BACKUP_CUSTOM_ROLE_DEFAULT_NAME = 'Azure Backup Key Vault Reader (ADE)';
export const BACKUP_CUSTOM_ROLE_DESCRIPTION =
  'Lets Azure Backup read and back up the keys and secrets of Azure Disk Encryption (least privilege).';

/**
 * Access-policy permissions the portal's "Azure Backup" template grants. Keys only matter when a KEK wraps the
 * BEK; a BEK-only VM needs the secret permissions alone (the article says to untick the key permissions).
 */
export const BACKUP_KEY_PERMISSIONS: readonly string[] = ['get', 'list', 'backup'];
export const BACKUP_SECRET_PERMISSIONS: readonly string[] = ['get', 'list', 'backup'];

/** A vault holds at most 1024 access-policy entries (ARM rejects the 1025th). */
export const MAX_ACCESS_POLICY_ENTRIES = 1024;

/** Azure Disk Encryption VM extension identity. Windows uses the second handler type. */
export const ADE_EXTENSION_PUBLISHER = 'Microsoft.Azure.Security';
export const ADE_EXTENSION_TYPES: readonly string[] = ['AzureDiskEncryptionForLinux', 'AzureDiskEncryption'];

/** Disk `dataAccessAuthMode` value that Azure Backup does not support. */
export const ENTRA_ID_DATA_ACCESS_AUTH_MODE = 'AzureActiveDirectory';
