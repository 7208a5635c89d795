// The export transaction as the extension runs it (core decisions + the real compute adapters + the download
// engine) against the ARM stand-in and Azurite: what the user gets on disk, and the disk's state afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AnonymousCredential, PageBlobClient } from '@azure/storage-blob';
import { createExportPorts } from '../../../src/azure/compute/createExportPorts.ts';
import { getVmWithInstanceView } from '../../../src/azure/compute/vmPower.ts';
import { attachedVmFrom } from '../../../src/core/exportDisk/attachedVmFrom.ts';
import { exportTargetFrom } from '../../../src/core/exportDisk/exportTarget.ts';
import { planConsistency } from '../../../src/core/exportDisk/planConsistency.ts';
import { planExportSteps } from '../../../src/core/exportDisk/planExportSteps.ts';
import { runExportTransaction, type ExportPorts } from '../../../src/core/exportDisk/runExportTransaction.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { getDiskOrSnapshot } from '../../../src/azure/compute/getExportSource.ts';
import { GiB } from '../../azure-local/storage/fixedVhd.ts';
import { assertVhdMatches, useExportEnv, type ExportEnv } from './exportFixture.ts';

const PROD = 'Contoso Production';
const WEB = 'rg-web-prod-japaneast';
const scene = useExportEnv();

/** The real ports, recording every SAS handed out so a test can try it after the revoke. */
function recordingPorts(session: ReturnType<ExportEnv['session']>) {
  const ports = createExportPorts(session, { updateIntervalInMs: 50 });
  const links: string[] = [];
  const wrapped: ExportPorts = {
    ...ports,
    grantAccess: async (target, seconds, signal) => {
      const access = await ports.grantAccess(target, seconds, signal);
      links.push(access.accessSas, ...(access.securityDataAccessSas ? [access.securityDataAccessSas] : []));
      return access;
    },
  };
  return { ports: wrapped, links };
}

async function assertLinkRevoked(sasUrl: string): Promise<void> {
  await assert.rejects(new PageBlobClient(sasUrl, new AnonymousCredential()).getProperties(), (e: any) => e.statusCode === 403, 'the SAS is refused after the revoke');
}

test('an unattached disk exports to <disk>.vhd with the disk\'s exact bytes; the disk is Unattached again and its link dead', async () => {
  const session = scene.env.session(PROD);
  const target = await scene.env.target(session, 'disk', WEB, 'disk-orphan-logs-01');
  assert.equal(planConsistency(target, undefined, formatMessage).kind, 'ready');
  const steps = planExportSteps({ target, choice: { kind: 'exportDirectly' }, folder: scene.folder, durationSeconds: 3600, now: new Date() });
  const { ports, links } = recordingPorts(session);
  const outcome = await runExportTransaction(steps, ports, { signal: new AbortController().signal });

  const file = join(scene.folder, 'disk-orphan-logs-01.vhd');
  assert.equal(outcome.exported[0].vhd.destinationPath, file);
  await assertVhdMatches(file, 'disk-orphan-logs-01', 2 * GiB, target.id, true);
  assert.ok((await stat(file)).blocks * 512 < 64 * 1024 * 1024, 'the file is sparse: holes are not allocated');
  assert.ok(outcome.exported[0].vhd.bytesSkipped > 1.9 * GiB, 'empty regions are skipped');
  assert.ok(existsSync(`${file}.manifest.json`));
  assert.equal((await getDiskOrSnapshot(session, 'disk', WEB, 'disk-orphan-logs-01')).diskState, 'Unattached');
  assert.deepEqual(outcome.revokeFailures, []);
  await assertLinkRevoked(links[0]);
});

test('a running VM\'s disk, made consistent by deallocating the VM: exported, then Reserved (VM deallocated)', async () => {
  const session = scene.env.session(PROD);
  const target = await scene.env.target(session, 'disk', WEB, 'vm-web-02_OsDisk_1_0a7e6b5c4d3f');
  const vm = attachedVmFrom(await getVmWithInstanceView(session, { resourceGroup: WEB, name: 'vm-web-02' }));
  const plan = planConsistency(target, vm, formatMessage);
  assert.equal(plan.kind, 'choose');
  const deallocate = plan.kind === 'choose' ? plan.options.find((o) => o.choice.kind === 'deallocateVm')! : assert.fail();
  assert.match(deallocate.detail, /Stops compute billing.*downtime.*Stop without deallocate is not enough/);
  const steps = planExportSteps({ target, vm, choice: deallocate.choice, folder: scene.folder, durationSeconds: 3600, now: new Date() });
  assert.deepEqual(steps.map((s) => s.kind), ['deallocateVm', 'export']);
  const { ports, links } = recordingPorts(session);
  const outcome = await runExportTransaction(steps, ports, { signal: new AbortController().signal });

  assert.equal(outcome.deallocatedVm?.name, 'vm-web-02');
  await assertVhdMatches(join(scene.folder, 'vm-web-02_OsDisk_1_0a7e6b5c4d3f.vhd'), 'vm-web-02_OsDisk_1_0a7e6b5c4d3f', 4 * GiB, target.id);
  assert.equal(attachedVmFrom(await getVmWithInstanceView(session, { resourceGroup: WEB, name: 'vm-web-02' })).power, 'deallocated');
  assert.equal((await getDiskOrSnapshot(session, 'disk', WEB, target.name)).diskState, 'Reserved');
  await assertLinkRevoked(links[0]);
});

test('a running VM with data disks, made consistent by snapshots of every disk: three snapshots exported, the VM still running', async () => {
  const session = scene.env.session(PROD);
  const target = await scene.env.target(session, 'disk', WEB, 'vm-web-01-data-00');
  const vm = attachedVmFrom(await getVmWithInstanceView(session, { resourceGroup: WEB, name: 'vm-web-01' }));
  const plan = planConsistency(target, vm, formatMessage);
  assert.ok(plan.kind === 'choose');
  assert.ok(plan.notes.some((n) => /2 data disk\(s\): a consistent export of all its disks needs the VM stopped \(deallocated\), or a snapshot of the OS disk and every data disk/.test(n)));
  const all = plan.options.find((o) => o.choice.kind === 'snapshot' && o.choice.disks === 'all')!;
  const vmDisks = await Promise.all(vm.diskIds.map(async (id) => exportTargetFrom('disk', await getDiskOrSnapshot(session, 'disk', WEB, id.split('/').pop()!))));
  const steps = planExportSteps({ target, vm, vmDisks, choice: all.choice, incrementalSnapshots: true, folder: scene.folder, durationSeconds: 3600, now: new Date() });
  assert.deepEqual(steps.map((s) => s.kind), ['createSnapshot', 'createSnapshot', 'createSnapshot', 'export', 'export', 'export']);
  const { ports, links } = recordingPorts(session);
  const outcome = await runExportTransaction(steps, ports, { signal: new AbortController().signal });

  assert.equal(outcome.snapshotsCreated.length, 3);
  for (const snapshot of outcome.snapshotsCreated) {
    const stored = await getDiskOrSnapshot(session, 'snapshot', WEB, snapshot.name);
    assert.equal(stored.diskState, 'Unattached', `${snapshot.name} revoked`);
    assert.equal((stored as { incremental?: boolean }).incremental, true);
  }
  const sizes: Record<string, number> = { 'vm-web-01_OsDisk_1_9f1c2d3e4a5b': 4, 'vm-web-01-data-00': 2, 'vm-web-01-data-01': 1 };
  for (const [disk, gib] of Object.entries(sizes)) {
    const source = vmDisks.find((d) => d.name === disk)!;
    await assertVhdMatches(join(scene.folder, `${disk}.vhd`), disk, gib * GiB, source.id);
  }
  assert.equal(vm.power, 'running');
  assert.equal(attachedVmFrom(await getVmWithInstanceView(session, { resourceGroup: WEB, name: 'vm-web-01' })).power, 'running');
  assert.equal((await getDiskOrSnapshot(session, 'disk', WEB, 'vm-web-01-data-00')).diskState, 'Attached');
  for (const link of links) await assertLinkRevoked(link);
});
