// The disk token of a download from an Entra-ID-secured disk, refreshed at most once per refusal: when the token
// is refused (401) every request in flight sees it at about the same moment, and we want one new token, not
// eight. Each attempt remembers the generation it used; asking to refresh an already-replaced one just waits.

export type GetBearerToken = (signal: AbortSignal, options?: { forceRefresh?: boolean }) => Promise<string>;

export class BearerTokenHolder {
  private readonly getToken: GetBearerToken;
  private currentGeneration = 0;
  private refreshing: Promise<void> | undefined;

  constructor(getToken: GetBearerToken) {
    this.getToken = getToken;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  /** The token to send now (the getter caches; after a refusal the next call bypasses its cache). */
  async token(signal: AbortSignal): Promise<string> {
    await this.refreshing;
    return this.getToken(signal);
  }

  /** Ensures a token newer than the one `failedGeneration` used. */
  async refreshAfter(failedGeneration: number, signal: AbortSignal): Promise<void> {
    if (this.currentGeneration > failedGeneration) return;
    this.refreshing ??= this.getToken(signal, { forceRefresh: true })
      .then(() => {
        this.currentGeneration++;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    await this.refreshing;
  }
}
