// Naming a new Recovery Services vault: ARM accepts 2–50 characters, letters, digits and hyphens, starting with a
// letter, unique within the resource group. We suggest "rsv-<region>" so a person sees at once where it protects.

import type { Translate } from '../l10n/Translate.ts';

const VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,49}$/;

/** An error sentence for a name ARM would refuse (or one already taken), undefined when the name is fine. */
export function validateRecoveryVaultName(name: string, takenNames: readonly string[], t: Translate): string | undefined {
  const trimmed = name.trim();
  if (!VAULT_NAME.test(trimmed)) {
    return t('A vault name has 2 to 50 characters: letters, digits and hyphens, starting with a letter.');
  }
  if (takenNames.some((taken) => taken.toLowerCase() === trimmed.toLowerCase())) {
    return t('A vault named {0} already exists in this resource group.', trimmed);
  }
  return undefined;
}

export function suggestRecoveryVaultName(location: string, takenNames: readonly string[]): string {
  const base = `rsv-${location.replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'backup'}`.slice(0, 46);
  const taken = new Set(takenNames.map((n) => n.toLowerCase()));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
