// What a hosts-file line would do for the local Key Vault: *.vault.local-azure.test -> 127.0.0.1, for this process
// only. Node's sockets look names up through dns.lookup at connect time, so wrapping it is enough for node:https
// (and so for the Azure SDK's pipeline). Every other name is looked up as before. Safe to call more than once.
import dns from 'node:dns';
import { LOCAL_VAULT_DNS_SUFFIX } from './localVaultHosts.ts';

const MARK = Symbol.for('local-azure.resolveLocalVaultHosts');

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

export function resolveLocalVaultHosts(): void {
  const current = dns.lookup as typeof dns.lookup & { [MARK]?: true };
  if (current[MARK]) return;
  const original = dns.lookup;
  const patched = function lookup(hostname: string, options: unknown, callback?: LookupCallback): void {
    const cb = (typeof options === 'function' ? options : callback) as LookupCallback;
    const opts = (typeof options === 'function' ? {} : typeof options === 'number' ? { family: options } : options ?? {}) as dns.LookupOptions;
    if (typeof hostname === 'string' && hostname.toLowerCase().endsWith(`.${LOCAL_VAULT_DNS_SUFFIX}`)) {
      if (opts.all) process.nextTick(cb, null, [{ address: '127.0.0.1', family: 4 }]);
      else process.nextTick(cb, null, '127.0.0.1', 4);
      return;
    }
    (original as (...args: unknown[]) => void).call(dns, hostname, options, callback);
  } as unknown as typeof dns.lookup & { [MARK]?: true };
  patched[MARK] = true;
  dns.lookup = patched;
}
