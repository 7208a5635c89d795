// Runs the local Azure as a process (demo, E2E). The first stdout line is ONE JSON object with the endpoints:
//   { armEndpoint, tokenAudience, graphEndpoint, graphTokenAudience, caCertFile, caCertPem, azBinDir, blobEndpoint, adminUrl, accountName, accountKey, pid }
// Usage: node test/azure-local/cli.ts [--fixture default|bench:20x500] [--latency-ms 100] [--page-size 5]
//                                      [--lro-duration-ms 300] [--retry-after 0] [--azurite-on-disk]
// Stops cleanly (Azurite, temp files) on SIGINT/SIGTERM or when stdin closes with --stop-on-stdin-close.
import { parseArgs } from 'node:util';
import { startLocalAzure } from './startLocalAzure.ts';

const { values } = parseArgs({
  options: {
    fixture: { type: 'string', default: 'default' },
    'latency-ms': { type: 'string' },
    'page-size': { type: 'string' },
    'lro-duration-ms': { type: 'string' },
    'retry-after': { type: 'string' },
    'azurite-on-disk': { type: 'boolean', default: false },
    'stop-on-stdin-close': { type: 'boolean', default: false },
  },
});
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

const local = await startLocalAzure({
  fixture: values.fixture,
  latencyMs: num(values['latency-ms']),
  pageSize: num(values['page-size']),
  lroDurationMs: num(values['lro-duration-ms']),
  retryAfterSeconds: num(values['retry-after']),
  inMemoryAzurite: !values['azurite-on-disk'],
});

process.stdout.write(
  JSON.stringify({
    armEndpoint: local.armEndpoint,
    tokenAudience: local.tokenAudience,
    diskTokenAudience: local.diskTokenAudience,
    graphEndpoint: local.graphEndpoint,
    graphTokenAudience: local.graphTokenAudience,
    caCertFile: local.caCertFile,
    caCertPem: local.caCertPem,
    azBinDir: local.azBinDir,
    blobEndpoint: local.blobEndpoint,
    adminUrl: `${local.armEndpoint}/__admin`,
    keyVaultAdminUrl: `${local.keyVault.endpoint}/__admin`,
    accountName: local.storage.accountName,
    accountKey: local.storage.accountKey,
    pid: process.pid,
  }) + '\n',
);
process.stderr.write(`local Azure ready: ARM ${local.armEndpoint}  Blob ${local.blobEndpoint}  az ${local.azBinDir}/az\n`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`local Azure stopping (${signal})\n`);
  await local.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
if (values['stop-on-stdin-close']) {
  process.stdin.on('end', () => void shutdown('stdin closed'));
  process.stdin.resume();
}
// Keep the process alive until a signal arrives.
setInterval(() => undefined, 1 << 30);
