// The demo: local Azure + code-server with the extension, settings pointing at the local Azure. Prints the URL
// to open; Ctrl-C (or SIGTERM) stops everything it started (each server is its own process group).
// usage: node scripts/demo.ts   (bash scripts/demo.sh runs setup first; DEMO_PORT picks the port, default 8080)
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { startCodeServer, localAzureSettings, type CodeServer } from '../test/e2e/harness/codeServer.ts';
import { startLocalAzure, type LocalAzure } from '../test/e2e/harness/localAzure.ts';
import { repoRoot } from '../test/e2e/harness/processes.ts';
import { extensionVsix } from '../test/e2e/harness/session.ts';
import { buildHostsExtension } from '../test/azure-local/keyvault/buildHostsExtension.ts';
import { ADE_KEY_VAULT_FIXTURE } from '../test/azure-local/keyvault/adeKeyVaultFixture.ts';

const wantedPort = Number(process.env.DEMO_PORT ?? 8080);
const runDir = resolve(repoRoot, '.e2e/demo');
let azure: LocalAzure | undefined;
let codeServer: CodeServer | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nstopping code-server and the local Azure…');
    await codeServer?.stop();
    await azure?.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
process.on('SIGHUP', () => void stopAll(0));

function portFree(port: number): Promise<boolean> {
  return new Promise(res => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

try {
  if (!existsSync(extensionVsix)) throw new Error(`${extensionVsix} is missing: run bash scripts/setup.sh`);
  console.log('starting the local Azure (ARM stand-in, Azurite, fake az)…');
  // The default fixture plus key vaults served by the local Key Vault data plane, so creating a KEK works too.
  azure = await startLocalAzure(runDir, ADE_KEY_VAULT_FIXTURE);
  console.log(`  ARM: ${azure.info.armEndpoint}   Blob: ${azure.info.blobEndpoint}`);
  const port = (await portFree(wantedPort)) ? wantedPort : 0;
  if (port === 0) console.log(`  port ${wantedPort} is taken: using a free one`);
  console.log('starting code-server with the extension…');
  codeServer = await startCodeServer({
    runDir,
    port,
    // A test-only helper extension resolves *.vault.local-azure.test to 127.0.0.1 in the extension host.
    vsixFiles: [extensionVsix, buildHostsExtension()],
    settings: localAzureSettings(azure.info),
    pathPrefix: [azure.info.azBinDir],
  });
  console.log(`
  Open ${codeServer.url}
  (the Azure Linux VM icon in the activity bar shows the local subscriptions)
  logs: ${runDir}
  Ctrl-C stops everything.
`);
  const cs = codeServer;
  // if either server dies, stop the other and say so
  await Promise.race([new Promise(() => {}), watchExit(cs)]);
} catch (err) {
  console.error(`demo failed: ${(err as Error).message}`);
  await stopAll(1);
}

async function watchExit(cs: CodeServer): Promise<void> {
  for (;;) {
    await new Promise(r => setTimeout(r, 2000));
    if (stopping) return;
    const up = await fetch(`http://127.0.0.1:${cs.port}/healthz`).then(r => r.ok, () => false);
    if (!up) {
      console.error(`code-server stopped answering (log: ${cs.logFile})`);
      await stopAll(1);
    }
  }
}
