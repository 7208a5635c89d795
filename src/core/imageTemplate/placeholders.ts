// Sample templates in the docs mark what to fill in as `<subscriptionID>`, `<rgName>`, `<region1>`; the REST
// reference writes `{subscription-id}`. Left in, they fail only at deployment or, worse, at build time.

/** `<subscriptionID>`, `<rgName>`: the docs' convention, never valid in an Azure value. */
const ANGLE_PLACEHOLDER = /<[A-Za-z][A-Za-z0-9 _.-]{0,40}>/g;
/** `{subscription-id}`: the REST reference's convention (`${...}` is shell syntax, so it is excluded). */
const BRACE_PLACEHOLDER = /(?<!\$)\{[A-Za-z][A-Za-z0-9_-]{0,40}\}/g;

export interface PlaceholderMatch {
  text: string;
  style: 'angle' | 'brace';
}

export function findPlaceholders(value: string): PlaceholderMatch[] {
  return [
    ...[...value.matchAll(ANGLE_PLACEHOLDER)].map((m) => ({ text: m[0], style: 'angle' as const })),
    ...[...value.matchAll(BRACE_PLACEHOLDER)].map((m) => ({ text: m[0], style: 'brace' as const })),
  ];
}

export function hasPlaceholder(value: string): boolean {
  return findPlaceholders(value).length > 0;
}
