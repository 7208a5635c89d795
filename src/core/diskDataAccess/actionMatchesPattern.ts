/**
 * Whether an Azure RBAC action pattern (as in a role definition's `actions` / `notActions`) covers an action.
 * Azure compares case-insensitively and lets `*` stand for any run of characters, slashes included
 * (`*`, `Microsoft.Compute/*`, `Microsoft.Compute/*\/download/action`, `*\/read`).
 */
export function actionMatchesPattern(action: string, pattern: string): boolean {
  const trimmed = pattern.trim();
  if (trimmed === '') return false;
  const regex = new RegExp('^' + trimmed.split('*').map(escapeRegex).join('.*') + '$', 'i');
  return regex.test(action);
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
