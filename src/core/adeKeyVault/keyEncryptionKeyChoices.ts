import type { KeyVaultLike } from '../encryption/adeModel.ts';
import { KEK_KEY_SIZES, kekKeyTypesFor, type KekKeyType } from '../encryption/planKeyEncryptionKey.ts';
import { localizable } from '../l10n/Translate.ts';
import type { LocalizableText } from './assessVaultForEncryption.ts';

// What the "create a key encryption key" step offers, and whether an existing key can serve as one. ADE wraps the
// disk encryption secret with the KEK (RSA-OAEP by default), so the key must be RSA, enabled, in its validity
// window, and allow wrapKey. HSM-protected keys need a Premium vault (article 004).

export interface KekCreationChoice {
  readonly keyType: KekKeyType;
  readonly keySize: number;
  readonly label: LocalizableText;
  readonly recommended: boolean;
}

/** Every type × size the vault can create; HSM first on Premium (it is why one pays for Premium). */
export function kekCreationChoices(vault: KeyVaultLike): KekCreationChoice[] {
  const types = kekKeyTypesFor(vault);
  return types.flatMap((keyType, typeIndex) => KEK_KEY_SIZES.map((keySize) => ({
    keyType,
    keySize,
    label: keyType === 'RSA-HSM'
      ? { message: localizable('RSA-HSM {0} (HSM-protected)'), args: [String(keySize)] }
      : { message: localizable('RSA {0} (software-protected)'), args: [String(keySize)] },
    recommended: typeIndex === 0 && keySize === 3072,
  })));
}

/** Operations the created key allows: wrapping is all ADE does with it. */
export const KEK_KEY_OPERATIONS = ['wrapKey', 'unwrapKey'] as const;

/** The facts about an existing key that decide whether it can be a KEK (current version). */
export interface ExistingKeyFacts {
  readonly name: string;
  readonly keyType?: string;
  readonly enabled?: boolean;
  readonly notBefore?: Date;
  readonly expiresOn?: Date;
  /** undefined or empty: every operation is allowed. */
  readonly keyOps?: readonly string[];
}

/** Why `key` cannot be used as a key encryption key, or undefined when it can. */
export function whyKeyCannotBeKek(key: ExistingKeyFacts, now: Date): LocalizableText | undefined {
  if (key.keyType !== undefined && key.keyType !== 'RSA' && key.keyType !== 'RSA-HSM') {
    return { message: localizable('{0} is not an RSA key (Azure Disk Encryption wraps with RSA-OAEP).'), args: [key.keyType] };
  }
  if (key.enabled === false) return { message: localizable('The key is disabled.'), args: [] };
  if (key.expiresOn && key.expiresOn.getTime() <= now.getTime()) return { message: localizable('The key has expired.'), args: [] };
  if (key.notBefore && key.notBefore.getTime() > now.getTime()) return { message: localizable('The key is not valid yet.'), args: [] };
  if (key.keyOps && key.keyOps.length > 0 && !key.keyOps.includes('wrapKey')) {
    return { message: localizable('The key does not allow wrapKey.'), args: [] };
  }
  return undefined;
}
