// A Confidential VM disk: beginGetAccess with getSecureVMGuestStateSAS returns three links (disk, VM guest state,
// VM metadata). The export downloads all three beside each other and the revoke ends all three.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AnonymousCredential, PageBlobClient } from '@azure/storage-blob';
import { createExportPorts } from '../../../src/azure/compute/createExportPorts.ts';
import { getDiskOrSnapshot } from '../../../src/azure/compute/getExportSource.ts';
import type { GrantedAccess } from '../../../src/core/exportDisk/runExportTransaction.ts';
import { planExportSteps } from '../../../src/core/exportDisk/planExportSteps.ts';
import { runExportTransaction, type ExportPorts } from '../../../src/core/exportDisk/runExportTransaction.ts';
import { GiB, rangeBytes } from '../../azure-local/storage/fixedVhd.ts';
import { assertVhdMatches, useExportEnv } from './exportFixture.ts';

const scene = useExportEnv();

test('a Confidential VM disk exports its VHD, VM guest state and VM metadata; the revoke ends all three links', async () => {
  const session = scene.env.session('Contoso Dev/Test');
  const id = `/subscriptions/${session.subscriptionId}/resourceGroups/rg-sandbox-eastus/providers/Microsoft.Compute/disks/disk-scratch-02`;
  // This disk made confidential before its blobs exist (as a CVM OS disk would be).
  const record = scene.env.local.state.get('disks', id)!;
  record.resource.properties!.securityProfile = { securityType: 'ConfidentialVM_DiskEncryptedWithPlatformKey' };
  const target = await scene.env.target(session, 'disk', 'rg-sandbox-eastus', 'disk-scratch-02');
  assert.equal(target.hasGuestState, true);
  const real = createExportPorts(session, { updateIntervalInMs: 20 });
  const grants: GrantedAccess[] = [];
  const ports: ExportPorts = { ...real, grantAccess: async (...args) => { const a = await real.grantAccess(...args); grants.push(a); return a; } };
  const steps = planExportSteps({ target, choice: { kind: 'exportDirectly' }, folder: scene.folder, durationSeconds: 3600, now: new Date() });
  const outcome = await runExportTransaction(steps, ports, { signal: new AbortController().signal });

  const vmmd = join(scene.folder, 'disk-scratch-02.vmmd');
  assert.equal(outcome.exported[0].vmMetadata?.destinationPath, vmmd);
  assert.equal((await stat(vmmd)).size, 512 * 1024);
  assert.ok((await readFile(vmmd)).subarray(0, 64 * 1024).equals(rangeBytes('disk-scratch-02-vmmd', 0, 64 * 1024)));
  assert.equal(outcome.exported[0].guestState?.destinationPath, join(scene.folder, 'disk-scratch-02.vmgs'));
  await assertVhdMatches(join(scene.folder, 'disk-scratch-02.vhd'), 'disk-scratch-02', 1 * GiB, target.id);

  assert.equal((await getDiskOrSnapshot(session, 'disk', 'rg-sandbox-eastus', 'disk-scratch-02')).diskState, 'Unattached');
  const links = grants.flatMap((g) => [g.accessSas, g.securityDataAccessSas, g.securityMetadataAccessSas]);
  assert.equal(links.filter(Boolean).length, 3, 'three links were handed out');
  for (const link of links) {
    await assert.rejects(new PageBlobClient(link!, new AnonymousCredential()).getProperties(), (e: { statusCode?: number }) => e.statusCode === 403);
  }
});
