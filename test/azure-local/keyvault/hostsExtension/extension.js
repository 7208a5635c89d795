// E2E only: the extension host's part of test/azure-local/keyvault/resolveLocalVaultHosts.ts. The local Key Vault
// answers at https://{vault}.vault.local-azure.test:PORT/, a name no resolver here knows; this maps it to 127.0.0.1
// for the extension host process (every extension in it shares node:dns), as a hosts-file line would on a lab
// machine. The extension under test is unchanged and uses the vault URLs exactly as ARM returns them.
const dns = require('node:dns');

const SUFFIX = '.vault.local-azure.test';
const MARK = Symbol.for('local-azure.resolveLocalVaultHosts');

exports.activate = () => {
  if (dns.lookup[MARK]) return;
  const original = dns.lookup;
  const patched = function lookup(hostname, options, callback) {
    const cb = typeof options === 'function' ? options : callback;
    const opts = typeof options === 'function' ? {} : typeof options === 'number' ? { family: options } : options || {};
    if (typeof hostname === 'string' && hostname.toLowerCase().endsWith(SUFFIX)) {
      if (opts.all) process.nextTick(cb, null, [{ address: '127.0.0.1', family: 4 }]);
      else process.nextTick(cb, null, '127.0.0.1', 4);
      return;
    }
    return original.call(dns, hostname, options, callback);
  };
  patched[MARK] = true;
  dns.lookup = patched;
};

exports.deactivate = () => {};
