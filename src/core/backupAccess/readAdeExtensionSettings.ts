// Reads the Azure Disk Encryption extension's public settings off a VM's extension list. Setting names are
// matched case-insensitively (the portal, CLI and PowerShell spell them differently) and a settings string is
// parsed, because older API responses and templates carry settings as JSON text.

import type { VmExtensionLike } from './encryptionSourceTypes.ts';

export interface AdeExtensionSettings {
  present: boolean;
  /** EncryptionOperation is DisableEncryption: the vault no longer matters for new backups. */
  disabling: boolean;
  /** False when the extension exists but carries no settings object (e.g. a listing without them). */
  settingsReadable: boolean;
  keyVaultUrl?: string;
  keyVaultResourceId?: string;
  keyEncryptionKeyUrl?: string;
  kekVaultResourceId?: string;
}

export function isAdeExtension(ext: VmExtensionLike, publisher: string, types: readonly string[]): boolean {
  const handler = ext.typePropertiesType ?? (ext.type && !ext.type.includes('/') ? ext.type : undefined);
  const matchesType = (t: string | undefined) => t !== undefined && types.some((x) => x.toLowerCase() === t.toLowerCase());
  if (ext.publisher && ext.publisher.toLowerCase() !== publisher.toLowerCase()) return false;
  return matchesType(handler) || (!handler && matchesType(ext.name));
}

function settingsObject(settings: unknown): Record<string, unknown> | undefined {
  if (typeof settings === 'string') {
    try {
      return settingsObject(JSON.parse(settings));
    } catch {
      return undefined;
    }
  }
  return settings !== null && typeof settings === 'object' ? (settings as Record<string, unknown>) : undefined;
}

function stringSetting(settings: Record<string, unknown>, name: string): string | undefined {
  const key = Object.keys(settings).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : settings[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function readAdeExtensionSettings(
  extensions: readonly VmExtensionLike[],
  publisher: string,
  types: readonly string[],
): AdeExtensionSettings {
  const ext = extensions.find((e) => isAdeExtension(e, publisher, types));
  if (!ext) return { present: false, disabling: false, settingsReadable: false };
  const settings = settingsObject(ext.settings);
  if (!settings) return { present: true, disabling: false, settingsReadable: false };
  const operation = stringSetting(settings, 'EncryptionOperation');
  return {
    present: true,
    disabling: operation?.toLowerCase() === 'disableencryption',
    settingsReadable: true,
    keyVaultUrl: stringSetting(settings, 'KeyVaultURL'),
    keyVaultResourceId: stringSetting(settings, 'KeyVaultResourceId'),
    keyEncryptionKeyUrl: stringSetting(settings, 'KeyEncryptionKeyURL'),
    kekVaultResourceId: stringSetting(settings, 'KekVaultResourceId'),
  };
}
