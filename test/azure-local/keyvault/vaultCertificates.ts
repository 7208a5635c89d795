// The data plane's own throw-away CA and a wildcard certificate for *.vault.local-azure.test. Its CA is appended to
// the local Azure's CA file, so a client that trusts that one file trusts ARM and every local vault.
import { generate } from 'selfsigned';
import { LOCAL_VAULT_DNS_SUFFIX } from './localVaultHosts.ts';

export async function createVaultCertificates(): Promise<{ caCertPem: string; serverCertPem: string; serverKeyPem: string }> {
  const now = new Date(Date.now() - 60_000);
  const later = new Date(Date.now() + 7 * 24 * 3600_000);
  const ca = await generate([{ name: 'commonName', value: 'Local Key Vault Test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: later,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: `*.${LOCAL_VAULT_DNS_SUFFIX}` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: later,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: `*.${LOCAL_VAULT_DNS_SUFFIX}` }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { caCertPem: ca.cert, serverCertPem: server.cert, serverKeyPem: server.private };
}
