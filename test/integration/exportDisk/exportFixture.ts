// The extension's own export code (sessions from the real AzureCliCredential through the fake `az`, the real SDK
// clients, the download engine) against a local Azure; helpers shared by the export integration tests.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { getDiskOrSnapshot } from '../../../src/azure/compute/getExportSource.ts';
import { exportTargetFrom, type ExportKind, type ExportTarget } from '../../../src/core/exportDisk/exportTarget.ts';
import { startLocalAzure, type LocalAzure, type LocalAzureOptions } from '../../azure-local/startLocalAzure.ts';
import { MiB, expectedDiskBytes, fixedVhdFooter, writtenRanges } from '../../azure-local/storage/fixedVhd.ts';
import { localCloud } from '../support/localCloud.ts';

/** A scratch folder on the work tree's file system (reading GiBs of holes from the container's /tmp is slow). */
export async function scratchFolder(): Promise<string> {
  const parent = join(import.meta.dirname, '../../../test-results/export-disk');
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, 'run-'));
}

export interface ExportEnv {
  local: LocalAzure;
  session(name: string): SubscriptionSession;
  target(session: SubscriptionSession, kind: ExportKind, resourceGroup: string, name: string): Promise<ExportTarget>;
  stop(): Promise<void>;
}

export async function startExportEnv(options: LocalAzureOptions = {}): Promise<ExportEnv> {
  const local = await startLocalAzure({ lroDurationMs: 100, ...options });
  const originalPath = process.env.PATH;
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  const listing = await listAzureCliSubscriptions(localCloud(local), azureCliCredentials());
  assert.deepEqual(listing.failures, []);
  return {
    local,
    session: (name) => listing.subscriptions.find((s) => s.name === name) ?? assert.fail(`no subscription ${name}`),
    target: async (session, kind, resourceGroup, name) => exportTargetFrom(kind, await getDiskOrSnapshot(session, kind, resourceGroup, name)),
    async stop() {
      process.env.PATH = originalPath;
      await local.stop();
    },
  };
}

/**
 * Checks the whole file against what the stand-in serves for `label`'s disk: every byte of the data (read in
 * chunks, holes included) and the footer the stand-in wrote for `footerSeed` (the resource id the blob was made for).
 */
export async function assertVhdMatches(path: string, label: string, diskBytes: number, footerSeed: string, whole = false): Promise<void> {
  const file = await open(path, 'r');
  try {
    assert.equal((await file.stat()).size, diskBytes + 512, `${path}: size`);
    const chunk = 32 * 1024 * 1024;
    const buffer = Buffer.alloc(chunk);
    // Whole: every byte. Otherwise the written ranges with a MiB of hole on each side (reading GiBs of holes
    // costs seconds per file and proves little more once one test has done it).
    const regions = whole
      ? [{ start: 0, end: diskBytes }]
      : writtenRanges(diskBytes).map((r) => ({ start: Math.max(0, r.start - MiB), end: Math.min(diskBytes, r.end + MiB) }));
    for (const region of regions) {
      for (let offset = region.start; offset < region.end; offset += chunk) {
        const length = Math.min(chunk, region.end - offset);
        await file.read(buffer, 0, length, offset);
        assert.ok(buffer.subarray(0, length).equals(expectedDiskBytes(label, diskBytes, offset, length)), `${path}: bytes at ${offset}`);
      }
    }
    const footer = Buffer.alloc(512);
    await file.read(footer, 0, 512, diskBytes);
    assert.deepEqual(footer, fixedVhdFooter(diskBytes, footerSeed), `${path}: footer`);
  } finally {
    await file.close();
  }
}

/** The local Azure and a scratch folder for one test file: started before its tests, stopped and removed after. */
export function useExportEnv(): { readonly env: ExportEnv; readonly folder: string } {
  const scene = {} as { env: ExportEnv; folder: string };
  before(async () => {
    scene.env = await startExportEnv();
    scene.folder = await scratchFolder();
  });
  after(async () => {
    await scene.env?.stop();
    if (scene.folder) await rm(scene.folder, { recursive: true, force: true });
  });
  return scene;
}
