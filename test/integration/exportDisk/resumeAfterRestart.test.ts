// An export cut short without its revoke (VS Code closed or crashed mid-download): the disk is still ActiveSAS
// and a `.partial` + journal sit in the folder. After the restart the user is offered Resume or Discard; both are
// run here through the extension's own code against the local Azure. Resume continues from the journal with a
// new link and ends with the revoke; Discard deletes the partial files and revokes the link the crashed run held.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AnonymousCredential, PageBlobClient } from '@azure/storage-blob';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { createExportPorts } from '../../../src/azure/compute/createExportPorts.ts';
import { getDiskOrSnapshot } from '../../../src/azure/compute/getExportSource.ts';
import { isDownloadError } from '../../../src/core/download/downloadError.ts';
import type { PageBlobDownloadResult } from '../../../src/core/download/runPageBlobDownload.ts';
import { exportFileNames } from '../../../src/core/exportDisk/exportFileNames.ts';
import type { ExportTarget } from '../../../src/core/exportDisk/exportTarget.ts';
import { discardInterruptedExport, resumeInterruptedExport, type InterruptedExportPorts } from '../../../src/core/exportDisk/interruptedExports.ts';
import type { PendingExport } from '../../../src/core/exportDisk/pendingExports.ts';
import { runExportTransaction, type ExportOutcome } from '../../../src/core/exportDisk/runExportTransaction.ts';
import { GiB } from '../../azure-local/storage/fixedVhd.ts';
import { assertVhdMatches, useExportEnv } from './exportFixture.ts';

const scene = useExportEnv();

const engine = { progressIntervalMs: 0, plan: { targetRequestBytes: 256 * 1024, mergeGapBytes: 0 }, concurrency: { initial: 1, max: 1 } };

/** Grants through ARM and stops the download half-way without revoking, as a process that died would. */
async function crashMidExport(session: SubscriptionSession, target: ExportTarget): Promise<{ entry: PendingExport; sas: string }> {
  const ports = createExportPorts(session, { updateIntervalInMs: 20, engine });
  const access = await ports.grantAccess(target, 3600, new AbortController().signal);
  const killed = new AbortController();
  const file = exportFileNames(scene.folder, target.name, false).vhd;
  await assert.rejects(ports.download({
    target, sasUrl: access.accessSas, destinationPath: file, requireVhdFooter: true, signal: killed.signal,
    getFreshSasUrl: async () => assert.fail('no new link needed'),
    onProgress: (p) => { if (p.bytesDone > p.bytesToFetch / 2) killed.abort(); },
  }), (e) => isDownloadError(e) && e.code === 'cancelled');
  assert.ok(existsSync(`${file}.partial`) && existsSync(`${file}.partial.journal`));
  assert.equal((await getDiskOrSnapshot(session, 'disk', target.resourceGroup, target.name)).diskState, 'ActiveSAS', 'the crashed run never revoked');
  const entry: PendingExport = {
    resourceId: target.id, kind: 'disk', tenantId: session.tenantId, subscriptionId: session.subscriptionId,
    displayName: target.name, folder: scene.folder, durationSeconds: 3600, startedAt: new Date().toISOString(),
  };
  return { entry, sas: access.accessSas };
}

function restartPorts(session: SubscriptionSession, forgotten: PendingExport[]): InterruptedExportPorts {
  const ports = createExportPorts(session, { updateIntervalInMs: 20, engine });
  return {
    freshTarget: async (e) => scene.env.target(session, e.kind, e.resourceId.split('/')[4], e.resourceId.split('/').at(-1)!),
    revokeAccess: (target) => ports.revokeAccess(target),
    runExport: (steps) => runExportTransaction(steps, ports, { signal: new AbortController().signal }),
    forget: async (e) => void forgotten.push(e),
  };
}

const sasIsDead = (sas: string) =>
  assert.rejects(new PageBlobClient(sas, new AnonymousCredential()).getProperties(), (e: { statusCode?: number }) => e.statusCode === 403);

test('Resume after a restart: the export continues from the journal with a new link, completes, and revokes', async () => {
  const session = scene.env.session('Contoso Production');
  const target = await scene.env.target(session, 'disk', 'rg-web-prod-japaneast', 'disk-orphan-logs-01');
  const { entry, sas } = await crashMidExport(session, target);
  const outcome = await resumeInterruptedExport(entry, restartPorts(session, [])) as ExportOutcome;
  const vhd: PageBlobDownloadResult = outcome.exported[0].vhd;
  assert.equal(vhd.resumed, true);
  assert.ok(vhd.bytesResumed > 0 && vhd.bytesFetched < vhd.bytesResumed + vhd.bytesFetched, 'the first half is not fetched again');
  const file = join(scene.folder, 'disk-orphan-logs-01.vhd');
  await assertVhdMatches(file, 'disk-orphan-logs-01', 2 * GiB, target.id);
  assert.equal(existsSync(`${file}.partial.journal`), false);
  assert.equal((await getDiskOrSnapshot(session, 'disk', target.resourceGroup, target.name)).diskState, 'Unattached');
  await sasIsDead(sas);
});

test('Discard after a restart: the partial file and journal are deleted and the crashed run\'s link is revoked', async () => {
  const session = scene.env.session('Contoso Dev/Test');
  const target = await scene.env.target(session, 'disk', 'rg-sandbox-eastus', 'disk-scratch-02');
  const { entry, sas } = await crashMidExport(session, target);
  const forgotten: PendingExport[] = [];
  await discardInterruptedExport(entry, restartPorts(session, forgotten));
  const file = join(scene.folder, 'disk-scratch-02.vhd');
  assert.equal(existsSync(`${file}.partial`), false);
  assert.equal(existsSync(`${file}.partial.journal`), false);
  assert.equal(existsSync(file), false);
  assert.equal((await getDiskOrSnapshot(session, 'disk', target.resourceGroup, target.name)).diskState, 'Unattached');
  await sasIsDead(sas);
  assert.deepEqual(forgotten, [entry], 'no longer offered');
});
