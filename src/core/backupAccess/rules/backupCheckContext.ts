// What the article's rules look at. All optional beyond the VM and the vault finder's result: a rule whose
// input the adapter could not read stays silent rather than guessing.

import type { EncryptionKeyVaultsResult } from '../findEncryptionKeyVaults.ts';
import type { EncryptedDiskLike, VmWithEncryptionLike } from '../encryptionSourceTypes.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';

export interface BackupCheckContext {
  vm: VmWithEncryptionLike & { id: string };
  encryption: EncryptionKeyVaultsResult;
  disks?: EncryptedDiskLike[];
  /** The VM's managed disks that could not be read: their data access mode is unknown. */
  unreadableDiskIds?: string[];
  /** The key vaults found (vaults.get), for their location. */
  keyVaults?: { id: string; name?: string; location?: string }[];
  /** From the signed-in account (e.g. Graph /me userType, or the token's `acct` claim). */
  signedInUser?: { isGuest?: boolean };
  /** False when Graph could not give the Backup Management Service's object id. */
  backupPrincipalResolved?: boolean;
  /** The KEK's `managed` flag from Key Vault: true when the key backs a certificate. */
  kekBacksCertificate?: boolean;
  /** The key found to belong to a certificate (named in the finding). */
  certificateKeyUrl?: string;
  /** The Recovery Services vault the user picked, if any. */
  recoveryServicesVault?: { id: string; name?: string; location?: string };
  /** The VM already has a protected item in a Recovery Services vault. */
  vmAlreadyProtected?: boolean;
}

export type BackupCheckRule = (context: BackupCheckContext) => BackupAccessFinding[];

export function usesAde(context: BackupCheckContext): boolean {
  return context.encryption.keyKind !== 'notEncrypted';
}

export function sameLocation(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}
