// Faults during a whole export (grant -> download -> revoke through the real ARM stand-in and SDK clients), with
// the fault proxy in front of the disk blobs: a socket reset mid-body, 503 ServerBusy, the SAS expiring mid-way
// (re-granted through ARM), the local disk filling up. Whatever happens, the export ends with the disk back in
// its state before (Unattached / Reserved), every SAS handed out dead (403), and never a file under the final
// name that is not whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AnonymousCredential, PageBlobClient } from '@azure/storage-blob';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { createExportPorts } from '../../../src/azure/compute/createExportPorts.ts';
import { getDiskOrSnapshot } from '../../../src/azure/compute/getExportSource.ts';
import { isDownloadError } from '../../../src/core/download/downloadError.ts';
import { DEFAULT_RETRY_POLICY } from '../../../src/core/download/rangeRetryPolicy.ts';
import type { ExportTarget } from '../../../src/core/exportDisk/exportTarget.ts';
import { planExportSteps } from '../../../src/core/exportDisk/planExportSteps.ts';
import { runExportTransaction, type ExportPorts } from '../../../src/core/exportDisk/runExportTransaction.ts';
import { GiB } from '../../azure-local/storage/fixedVhd.ts';
import { startFaultProxy, type FaultProxyOptions, type RunningFaultProxy } from '../download/faultProxy.ts';
import { assertVhdMatches, useExportEnv } from './exportFixture.ts';

const scene = useExportEnv();

const FAST_RETRIES = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 20, maxDelayMs: 200 };
const KiB = 1024;

interface FaultyExport {
  ports: ExportPorts;
  /** Every SAS URL ARM handed out (as ARM returned it, not through the proxy). */
  grantedSas: string[];
  proxy: RunningFaultProxy;
}

/** The extension's ports, with every granted SAS pointed at the fault proxy (the signature ignores host:port). */
async function faultyExport(session: SubscriptionSession, faults: Omit<FaultProxyOptions, 'targetPort'>, options: { renewEarly?: boolean } = {}): Promise<FaultyExport> {
  const proxy = await startFaultProxy({ targetPort: Number(new URL(scene.env.local.blobEndpoint).port), ...faults });
  const grantedSas: string[] = [];
  const real = createExportPorts(session, {
    updateIntervalInMs: 20,
    // Small requests, so every fault hits several of them; one in flight so faults land where planned.
    engine: { progressIntervalMs: 0, stallTimeoutMs: 2000, retryPolicy: FAST_RETRIES, plan: { targetRequestBytes: 256 * KiB, mergeGapBytes: 0 }, concurrency: { initial: 1, max: 1 } },
  });
  return {
    proxy,
    grantedSas,
    ports: {
      ...real,
      grantAccess: async (...args) => {
        const access = await real.grantAccess(...args);
        grantedSas.push(access.accessSas);
        return { ...access, accessSas: proxy.via(access.accessSas) };
      },
      // Without the link's life the engine cannot renew early: the link then really expires mid-way (403).
      download: (request) => real.download(options.renewEarly === false ? { ...request, accessWindow: undefined } : request),
    },
  };
}

async function assertAccessEnded(session: SubscriptionSession, target: ExportTarget, stateBefore: string, grantedSas: string[]): Promise<void> {
  const disk = await getDiskOrSnapshot(session, target.kind, target.resourceGroup, target.name);
  assert.equal(disk.diskState, stateBefore, `${target.name} is back to ${stateBefore}`);
  assert.ok(grantedSas.length > 0);
  for (const sas of grantedSas) {
    await assert.rejects(new PageBlobClient(sas, new AnonymousCredential()).getProperties(), (e: { statusCode?: number }) => e.statusCode === 403, 'the SAS no longer works');
  }
}

const steps = (target: ExportTarget, durationSeconds = 3600, into = scene.folder) =>
  planExportSteps({ target, choice: { kind: 'exportDirectly' }, folder: into, durationSeconds, now: new Date() });

test('connections reset mid-body: the export completes with the right bytes, then access is revoked', async () => {
  const session = scene.env.session('Contoso Dev/Test');
  const target = await scene.env.target(session, 'disk', 'rg-sandbox-eastus', 'disk-scratch-02');
  const faulty = await faultyExport(session, { cutEvery: 3 });
  try {
    const outcome = await runExportTransaction(steps(target), faulty.ports, { signal: new AbortController().signal });
    assert.ok(faulty.proxy.stats.cut >= 3, `${faulty.proxy.stats.cut} bodies were cut`);
    assert.ok(outcome.exported[0].vhd.retries >= faulty.proxy.stats.cut);
    await assertVhdMatches(join(scene.folder, 'disk-scratch-02.vhd'), 'disk-scratch-02', 1 * GiB, target.id);
    assert.equal(existsSync(join(scene.folder, 'disk-scratch-02.vhd.partial')), false);
    await assertAccessEnded(session, target, 'Unattached', faulty.grantedSas);
  } finally {
    await faulty.proxy.stop();
  }
});

test('503 ServerBusy on every other request: retried after Retry-After, completes, revoked; a Reserved disk stays Reserved', async () => {
  const session = scene.env.session('Contoso Dev/Test');
  const target = await scene.env.target(session, 'disk', 'rg-sandbox-eastus', 'vm-lab-01-data-00');
  assert.equal(target.diskState, 'Reserved');
  const faulty = await faultyExport(session, { throttleEvery: 2, retryAfterSeconds: 0 });
  try {
    const outcome = await runExportTransaction(steps(target), faulty.ports, { signal: new AbortController().signal });
    assert.ok(faulty.proxy.stats.throttled >= 5, `${faulty.proxy.stats.throttled} answers were 503`);
    assert.ok(outcome.exported[0].vhd.retries >= faulty.proxy.stats.throttled);
    await assertVhdMatches(join(scene.folder, 'vm-lab-01-data-00.vhd'), 'vm-lab-01-data-00', 1 * GiB, target.id);
    await assertAccessEnded(session, target, 'Reserved', faulty.grantedSas);
  } finally {
    await faulty.proxy.stop();
  }
});

test('the SAS expires mid-way: a new one is granted through ARM, the download continues, and both end with the revoke', async () => {
  const session = scene.env.session('Contoso Production');
  const target = await scene.env.target(session, 'disk', 'rg-web-prod-japaneast', 'disk-orphan-logs-01');
  // A 2 s grant, and each request held 250 ms: the first link expires part-way through ~20 requests (early
  // renewal off, so the expiry really happens).
  const faulty = await faultyExport(session, { delayMs: 250 }, { renewEarly: false });
  try {
    const outcome = await runExportTransaction(steps(target, 2), faulty.ports, { signal: new AbortController().signal });
    assert.ok(faulty.grantedSas.length >= 2, `${faulty.grantedSas.length} grants: the expired link was replaced through ARM`);
    const grants = scene.env.local.state.requestLog.filter((r) => r.route === 'disks.grantAccess' && r.path.includes('disk-orphan-logs-01'));
    assert.ok(grants.length >= 2, 'the re-grant went to ARM');
    assert.ok(outcome.exported[0].vhd.retries >= 1);
    await assertVhdMatches(join(scene.folder, 'disk-orphan-logs-01.vhd'), 'disk-orphan-logs-01', 2 * GiB, target.id);
    await assertAccessEnded(session, target, 'Unattached', faulty.grantedSas);
  } finally {
    await faulty.proxy.stop();
  }
});

test('the local disk fills up: a diskFull error, access revoked, partial kept, no file under the final name', async (t) => {
  const session = scene.env.session('Contoso Dev/Test');
  const target = await scene.env.target(session, 'disk', 'rg-sandbox-eastus', 'disk-scratch-02');
  const small = join(scene.folder, 'small-disk');
  await mkdir(small, { recursive: true });
  try {
    // ~5 MiB of data on a 2 MiB file system.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', small], { stdio: 'ignore' });
  } catch {
    t.skip('mounting a tmpfs needs root (CAP_SYS_ADMIN); disk-full is not exercised here');
    return;
  }
  const faulty = await faultyExport(session, {});
  try {
    await assert.rejects(runExportTransaction(steps(target, 3600, small), faulty.ports, { signal: new AbortController().signal }), (e) => {
      assert.ok(isDownloadError(e) && e.code === 'diskFull', `${(e as Error).message}`);
      return true;
    });
    assert.equal(existsSync(join(small, 'disk-scratch-02.vhd')), false, 'no file under the final name');
    assert.ok(existsSync(join(small, 'disk-scratch-02.vhd.partial')), 'the partial file stays for a resume');
    await assertAccessEnded(session, target, 'Unattached', faulty.grantedSas);
  } finally {
    await faulty.proxy.stop();
    execFileSync('umount', [small]);
  }
});

test('a link that would run out before the transfer ends is replaced early through ARM: no request is ever refused', async () => {
  const session = scene.env.session('Contoso Production');
  const target = await scene.env.target(session, 'disk', 'rg-data-prod-eastus', 'vm-db-01-data-00');
  // A 6 s link for ~20 requests held 300 ms each (~6 s or more): renewed in its last 3 s, before any 403.
  const faulty = await faultyExport(session, { delayMs: 300 });
  try {
    const outcome = await runExportTransaction(steps(target, 6), faulty.ports, { signal: new AbortController().signal });
    assert.equal(faulty.grantedSas.length, 2, 'one early renewal');
    assert.equal(outcome.exported[0].vhd.retries, 0, 'no request was refused for an expired link');
    await assertVhdMatches(join(scene.folder, 'vm-db-01-data-00.vhd'), 'vm-db-01-data-00', 2 * GiB, target.id);
    await assertAccessEnded(session, target, 'Reserved', faulty.grantedSas);
  } finally {
    await faulty.proxy.stop();
  }
});
