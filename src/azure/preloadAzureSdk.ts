/**
 * Loads the Azure SDK bundle (dist/azure-sdk.cjs, ≈300 ms to parse) shortly after activation, off activation's
 * clock, so the first listing or "Refresh" does not pay for it. Any SDK import loads the whole bundle; this one is
 * the HTTP client every ARM client shares. A failure here only means the first real use loads it instead.
 */
export function preloadAzureSdk(delayMs = 1000): { dispose(): void } {
  const timer = setTimeout(() => {
    void loadSdk().catch(() => undefined);
  }, delayMs);
  // Never keeps a process alive on its own (the activation benchmark, tests).
  timer.unref?.();
  return { dispose: () => clearTimeout(timer) };
}

async function loadSdk(): Promise<unknown> {
  const { createDefaultHttpClient } = await import('@azure/core-rest-pipeline');
  return createDefaultHttpClient;
}
