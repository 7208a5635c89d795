/**
 * The classic SDK puts scopes into "/{scope}/providers/…" as they are: a leading slash would make "//subscriptions".
 * ARM ids start with one, so it is dropped here, once.
 */
export function scopePath(scope: string): string {
  return scope.replace(/^\/+/, '');
}
