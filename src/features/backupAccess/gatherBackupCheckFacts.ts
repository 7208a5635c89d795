// The facts the article's rules need beyond the VM and its vaults, read through injected readers so this stays
// free of VS Code and the SDKs (and is unit-tested with fakes): whether the KEK is a certificate's key ("standalone
// keys only") and whether the VM is already protected ("already backed up: just grant access").

import { backupAccessFinding } from '../../core/backupAccess/backupAccessText.ts';
import type { BackupAccessFinding } from '../../core/backupAccess/backupAccessTypes.ts';
import type { EncryptionKeyVaultsResult } from '../../core/backupAccess/findEncryptionKeyVaults.ts';

export interface BackupCheckFactReaders {
  /** Key Vault's `managed` flag of the key (true: the key belongs to a certificate). Throws when it can't be read. */
  keyBacksCertificate(keyUrl: string): Promise<boolean>;
  /** Whether Azure Backup protects the VM now. Throws when it can't be asked. */
  vmIsProtected(): Promise<boolean>;
  warn(message: string): void;
}

export interface BackupCheckFacts {
  kekBacksCertificate?: boolean;
  /** The KEK found to be a certificate's key, for the finding's text. */
  certificateKeyUrl?: string;
  vmAlreadyProtected?: boolean;
  /** Findings about facts that could not be read (said, not dropped). */
  findings: BackupAccessFinding[];
}

export async function gatherBackupCheckFacts(
  encryption: EncryptionKeyVaultsResult,
  readers: BackupCheckFactReaders,
  known: { vmAlreadyProtected?: boolean } = {},
): Promise<BackupCheckFacts> {
  const facts: BackupCheckFacts = { findings: [] };
  if (encryption.keyKind === 'notEncrypted') return facts;
  const keyUrls = [...new Set(encryption.vaults.flatMap((v) => v.keyUrls).filter((u) => u !== ''))];
  const [kek, protectedNow] = await Promise.all([
    Promise.all(keyUrls.map(async (keyUrl) => {
      try {
        return { keyUrl, managed: await readers.keyBacksCertificate(keyUrl) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        readers.warn(`Could not read key encryption key ${keyUrl}: ${reason}`);
        return { keyUrl, reason };
      }
    })),
    known.vmAlreadyProtected !== undefined
      ? Promise.resolve(known.vmAlreadyProtected)
      : readers.vmIsProtected().catch((error: unknown) => {
        readers.warn(`Could not ask Azure Backup whether the VM is protected: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }),
  ]);
  const certificateKey = kek.find((k) => k.managed === true);
  if (certificateKey) {
    facts.kekBacksCertificate = true;
    facts.certificateKeyUrl = certificateKey.keyUrl;
  } else if (kek.length > 0 && kek.every((k) => k.managed === false)) {
    facts.kekBacksCertificate = false;
  }
  for (const k of kek) {
    if (k.reason !== undefined && !certificateKey) facts.findings.push(backupAccessFinding('backup.standaloneKeyUnchecked', 'warning', { keyUrl: k.keyUrl, reason: k.reason }));
  }
  if (protectedNow !== undefined) facts.vmAlreadyProtected = protectedNow;
  return facts;
}
