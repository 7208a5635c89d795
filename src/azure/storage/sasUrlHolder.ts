// The current SAS URL of a download, renewed at most once per expiry: when a SAS expires every request in flight
// gets 403 at about the same moment, and we want one re-grant, not eight. Each attempt remembers the generation
// it used; asking to refresh an already-replaced generation just returns the newer URL.

export class SasUrlHolder {
  private current: string;
  private currentGeneration = 0;
  private renewing: Promise<void> | undefined;
  private readonly getFresh?: (signal: AbortSignal) => Promise<string>;

  constructor(initialUrl: string, getFresh?: (signal: AbortSignal) => Promise<string>) {
    this.current = initialUrl;
    this.getFresh = getFresh;
  }

  get url(): string {
    return this.current;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  get canRenew(): boolean {
    return this.getFresh !== undefined;
  }

  /** Ensures a URL newer than `failedGeneration` (asking the callback only if nobody has yet). */
  async renewAfter(failedGeneration: number, signal: AbortSignal): Promise<void> {
    if (!this.getFresh) throw new Error('no way to get a fresh SAS URL');
    if (this.currentGeneration > failedGeneration) return;
    this.renewing ??= this.getFresh(signal)
      .then((url) => {
        this.current = url;
        this.currentGeneration++;
      })
      .finally(() => {
        this.renewing = undefined;
      });
    await this.renewing;
  }
}
