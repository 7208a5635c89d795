import { localizable } from '../l10n/Translate.ts';

export interface NameProblem {
  readonly message: string;
  readonly args: string[];
}

/**
 * Blob Storage container naming rules: 3–63 characters, lowercase letters, digits and hyphens, starting and
 * ending with a letter or digit, no two hyphens in a row. Checked before the call so the input box says it.
 */
export function validateContainerName(name: string): NameProblem | undefined {
  if (name.length < 3 || name.length > 63) return { message: localizable('A container name has 3 to 63 characters.'), args: [] };
  if (!/^[a-z0-9-]+$/.test(name)) return { message: localizable('A container name may hold only lowercase letters, digits and hyphens.'), args: [] };
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) return { message: localizable('A container name starts and ends with a letter or a digit.'), args: [] };
  if (name.includes('--')) return { message: localizable('A container name has no two hyphens in a row.'), args: [] };
  return undefined;
}

/** Blob names: 1–1024 characters; we also refuse a trailing dot or slash, which Azure treats specially. */
export function validateBlobName(name: string): NameProblem | undefined {
  if (name.trim().length === 0 || name.length > 1024) return { message: localizable('A blob name has 1 to 1024 characters.'), args: [] };
  if (/[./\\]$/.test(name)) return { message: localizable('A blob name must not end with a dot or a slash.'), args: [] };
  return undefined;
}

/** `<disk>.vhd`, not Azure's `abcd`: the name says what the file is. */
export function defaultBlobName(resourceName: string): string {
  return `${resourceName}.vhd`;
}

/** A container name derived from a free text (`VHD Exports` -> `vhd-exports`), valid or `vhd-exports`. */
export function suggestContainerName(text: string): string {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return validateContainerName(cleaned) ? 'vhd-exports' : cleaned;
}
