// The export's promises when things go wrong, against the ARM stand-in and Azurite: a cancel still revokes and
// leaves a resumable partial file; a revoke that keeps failing is reported and the disk found by the active-SAS
// listing; an existing SAS is asked about; out-of-range durations are refused before anything is granted;
// Trusted Launch exports carry the VM guest state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AnonymousCredential, PageBlobClient } from '@azure/storage-blob';
import { createExportPorts } from '../../../src/azure/compute/createExportPorts.ts';
import { grantReadAccess, revokeReadAccess } from '../../../src/azure/compute/diskAccess.ts';
import { getDiskOrSnapshot } from '../../../src/azure/compute/getExportSource.ts';
import { listResourcesOfKind } from '../../../src/azure/inventory/listResourcesOfKind.ts';
import { parseAccessSeconds } from '../../../src/core/exportDisk/accessDuration.ts';
import { activeSasQuestion } from '../../../src/core/exportDisk/decideActiveSas.ts';
import type { DiskLikeModel } from '../../../src/core/exportDisk/exportTarget.ts';
import { findActiveSasResources } from '../../../src/core/exportDisk/findActiveSasResources.ts';
import { planExportSteps } from '../../../src/core/exportDisk/planExportSteps.ts';
import { runExportTransaction, type ExportPorts } from '../../../src/core/exportDisk/runExportTransaction.ts';
import { isDownloadError } from '../../../src/core/download/downloadError.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { GiB, MiB, rangeBytes } from '../../azure-local/storage/fixedVhd.ts';
import { assertVhdMatches, scratchFolder, startExportEnv, type ExportEnv } from './exportFixture.ts';

const PROD = 'Contoso Production';
const WEB = 'rg-web-prod-japaneast';
const DATA = 'rg-data-prod-eastus';
let env: ExportEnv;
let folder: string;
const noWait = { sleep: async () => {} };

before(async () => {
  env = await startExportEnv();
  folder = await scratchFolder();
});
after(async () => {
  await env?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const revokeCalls = () => env.local.state.requestLog.filter((r) => r.route === 'disks.revokeAccess').length;

test('cancel mid-download: access is revoked, the partial file and journal stay, and the next export resumes them', async () => {
  const session = env.session(PROD);
  const target = await env.target(session, 'disk', WEB, 'disk-orphan-logs-01');
  const steps = planExportSteps({ target, choice: { kind: 'exportDirectly' }, folder, durationSeconds: 3600, now: new Date() });
  const ports = createExportPorts(session, { updateIntervalInMs: 50, engine: { progressIntervalMs: 0, concurrency: { initial: 1, max: 1 } } });
  const cancel = new AbortController();
  let sas = '';
  const cancelling: ExportPorts = {
    ...ports,
    grantAccess: async (...args) => {
      const access = await ports.grantAccess(...args);
      sas = access.accessSas;
      return access;
    },
  };
  await assert.rejects(
    runExportTransaction(steps, cancelling, {
      signal: cancel.signal,
      events: { onProgress: (_step, _file, p) => { if (p.bytesDone > p.bytesToFetch / 2) cancel.abort(); } },
    }),
    (e) => isDownloadError(e) && e.code === 'cancelled',
  );
  const file = join(folder, 'disk-orphan-logs-01.vhd');
  assert.equal(existsSync(file), false, 'no file under the final name');
  assert.ok(existsSync(`${file}.partial`) && existsSync(`${file}.partial.journal`), 'partial file and journal kept for resume');
  assert.equal((await getDiskOrSnapshot(session, 'disk', WEB, target.name)).diskState, 'Unattached', 'revoked after the cancel');
  await assert.rejects(new PageBlobClient(sas, new AnonymousCredential()).getProperties(), (e: any) => e.statusCode === 403);

  const outcome = await runExportTransaction(steps, ports, { signal: new AbortController().signal });
  assert.equal(outcome.exported[0].vhd.resumed, true);
  assert.ok(outcome.exported[0].vhd.bytesResumed > 0, 'bytes of the first run are not fetched again');
  await assertVhdMatches(file, 'disk-orphan-logs-01', 2 * GiB, target.id);
  assert.equal(existsSync(`${file}.partial.journal`), false);
});

test('a revoke that keeps failing is reported; the disk stays ActiveSAS, is listed as such, and can be revoked later', async () => {
  const session = env.session(PROD);
  const target = await env.target(session, 'disk', WEB, 'disk-orphan-logs-01');
  const sub = join(folder, 'revoke-fails');
  const steps = planExportSteps({ target, choice: { kind: 'exportDirectly' }, folder: sub, durationSeconds: 600, now: new Date() });
  const fault = env.local.faults.add({ route: 'disks.revokeAccess', status: 409, code: 'OperationNotAllowed', message: 'Simulated: revoke refused.' });
  const reported: string[] = [];
  const before = revokeCalls();
  try {
    const outcome = await runExportTransaction(steps, createExportPorts(session, { updateIntervalInMs: 50 }), {
      signal: new AbortController().signal, ...noWait,
      events: { onRevokeFailed: (t, error) => reported.push(`${t.name}: ${(error as Error).message}`) },
    });
    assert.equal(outcome.exported.length, 1, 'the download itself succeeded');
    assert.equal(outcome.revokeFailures.length, 1);
  } finally {
    env.local.faults.remove(fault);
  }
  assert.equal(revokeCalls() - before, 3, 'three attempts');
  assert.equal(reported.length, 1);
  assert.match(reported[0], /^disk-orphan-logs-01: .*Simulated: revoke refused/);
  assert.equal((await getDiskOrSnapshot(session, 'disk', WEB, target.name)).diskState, 'ActiveSAS');

  const listings = [{ session, disks: (await listResourcesOfKind(session, 'disk')) as DiskLikeModel[], snapshots: (await listResourcesOfKind(session, 'snapshot')) as DiskLikeModel[] }];
  const active = findActiveSasResources(listings).map((r) => r.resource.name);
  assert.ok(active.includes('disk-orphan-logs-01') && active.includes('disk-archive-2024q4'), active.join());
  await revokeReadAccess(session, target, { updateIntervalInMs: 50 });
  assert.equal((await getDiskOrSnapshot(session, 'disk', WEB, target.name)).diskState, 'Unattached');
});

test('a disk that already has an active SAS: the user is told someone may be downloading; exporting anyway ends with it revoked', async () => {
  const session = env.session(PROD);
  const target = await env.target(session, 'disk', DATA, 'disk-archive-2024q4');
  assert.equal(target.diskState, 'ActiveSAS');
  const question = activeSasQuestion(target, false, formatMessage)!;
  assert.match(question.message, /already has an active download link \(ActiveSAS\): someone may be downloading it now/);
  assert.deepEqual(question.options.map((o) => o.action), ['exportAnyway', 'revokeOnly']);
  const steps = planExportSteps({ target, choice: { kind: 'exportDirectly' }, folder, durationSeconds: 3600, now: new Date() });
  await runExportTransaction(steps, createExportPorts(session, { updateIntervalInMs: 50 }), { signal: new AbortController().signal });
  await assertVhdMatches(join(folder, 'disk-archive-2024q4.vhd'), 'disk-archive-2024q4', 2 * GiB, target.id);
  assert.equal((await getDiskOrSnapshot(session, 'disk', DATA, target.name)).diskState, 'Unattached');
});

test('durations outside 1…5,184,000 s get a clear message, Azure refuses them too, and a refused grant is not "revoked"', async () => {
  assert.deepEqual(parseAccessSeconds('3600', formatMessage), { ok: true, seconds: 3600 });
  const tooLong = parseAccessSeconds('5184001', formatMessage);
  assert.ok(!tooLong.ok && /at most 5,184,000 seconds \(60 days\)/.test(tooLong.message));
  assert.ok(!parseAccessSeconds('0', formatMessage).ok);

  const session = env.session(PROD);
  const target = await env.target(session, 'disk', WEB, 'disk-orphan-logs-01');
  await assert.rejects(grantReadAccess(session, target, 5_184_001, { updateIntervalInMs: 50 }), (e: any) => e.statusCode === 400);
  const steps = planExportSteps({ target, choice: { kind: 'exportDirectly' }, folder: join(folder, 'too-long'), durationSeconds: 5_184_001, now: new Date() });
  const before = revokeCalls();
  await assert.rejects(runExportTransaction(steps, createExportPorts(session, { updateIntervalInMs: 50 }), { signal: new AbortController().signal }), (e: any) => e.statusCode === 400);
  assert.equal(revokeCalls(), before, 'nothing was granted, so nothing is revoked (which could end someone else\'s download)');
});

test('a Trusted Launch snapshot exports its VM guest state beside the VHD, and both links die with the revoke', async () => {
  const session = env.session(PROD);
  const target = await env.target(session, 'snapshot', 'rg-security-prod', 'snap-vm-tl-01-os-20250603');
  assert.equal(target.hasGuestState, true);
  const steps = planExportSteps({ target, choice: { kind: 'exportDirectly' }, folder, durationSeconds: 3600, now: new Date() });
  const outcome = await runExportTransaction(steps, createExportPorts(session, { updateIntervalInMs: 50 }), { signal: new AbortController().signal });
  const vmgs = join(folder, 'snap-vm-tl-01-os-20250603.vmgs');
  assert.equal(outcome.exported[0].guestState?.destinationPath, vmgs);
  assert.equal((await stat(vmgs)).size, 4 * MiB);
  const head = (await readFile(vmgs)).subarray(0, MiB);
  assert.ok(head.equals(rangeBytes('snap-vm-tl-01-os-20250603-vmgs', 0, MiB)));
  await assertVhdMatches(join(folder, 'snap-vm-tl-01-os-20250603.vhd'), 'snap-vm-tl-01-os-20250603', 4 * GiB, target.id);
  assert.equal((await getDiskOrSnapshot(session, 'snapshot', 'rg-security-prod', target.name)).diskState, 'Unattached');
});
