// The command-line download (src/cli/downloadCli.ts) as a pipeline would run it: a child process against Azurite,
// killed with SIGKILL mid-way (a crash: no cleanup code runs), then run again. It must resume from the journal,
// fetch less than the blob's written bytes the second time, and end with the same bytes, sparse, under the final name.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { startAzurite, type RunningAzurite } from '../../azure-local/azurite.ts';
import { createSparseVhdBlob, spreadRanges, type PageBlobFixture } from '../download/pageBlobFixture.ts';
import { startFaultProxy, type RunningFaultProxy } from '../download/faultProxy.ts';

const MiB = 1024 * 1024;
const DISK = 128 * MiB;
// 32 runs of 1 MiB, 4 MiB apart: 32 separate requests, so a kill lands between completed ones.
const WRITTEN = spreadRanges(DISK, 32, MiB);
const cli = fileURLToPath(new URL('../../../src/cli/downloadCli.ts', import.meta.url));

let azurite: RunningAzurite;
let blob: PageBlobFixture;
let slow: RunningFaultProxy;
let dir: string;

before(async () => {
  azurite = await startAzurite();
  blob = await createSparseVhdBlob(azurite, 'disks', 'cli-disk', DISK, WRITTEN);
  // Each data GET held 200 ms: with 2 in flight the first run takes ~3 s, time enough to kill it half-way.
  slow = await startFaultProxy({ targetPort: azurite.port, delayMs: 200 });
  dir = await mkdtemp(join(tmpdir(), 'dl-cli-'));
});
after(async () => {
  await slow?.stop();
  await azurite?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const exists = (p: string) => access(p).then(() => true, () => false);

interface CliRun { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function runCli(args: string[], env: NodeJS.ProcessEnv, killWhen?: () => Promise<boolean>): Promise<CliRun> {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  let timer: NodeJS.Timeout | undefined;
  if (killWhen) {
    timer = setInterval(() => void killWhen().then((yes) => { if (yes) child.kill('SIGKILL'); }), 50);
  }
  return new Promise((resolve) => child.on('close', (code, signal) => {
    clearInterval(timer);
    resolve({ code, signal, stdout, stderr });
  }));
}

test('killed with SIGKILL mid-way, run again: resumes from the journal, same bytes, sparse, no SAS printed', async () => {
  const path = join(dir, 'disk.vhd');
  const sasUrl = slow.via(blob.sasUrl());
  const journal = `${path}.partial.journal`;
  const journaledRanges = async () => (await readFile(journal, 'utf8').catch(() => '')).split('\n').filter(Boolean).length - 1;

  const first = await runCli(['download', '--sas-url-env', 'DISK_SAS', path, '--concurrency', '2'], { DISK_SAS: sasUrl }, async () => (await journaledRanges()) >= 8);
  assert.equal(first.signal, 'SIGKILL', `the first run was killed mid-way (exit ${first.code}: ${first.stderr.slice(-300)})`);
  assert.equal(await exists(path), false, 'no file under the final name after the crash');
  assert.equal(await exists(`${path}.partial`), true, 'the partial file stays');

  const second = await runCli(['download', sasUrl, path], {});
  assert.equal(second.code, 0, second.stderr);
  const report = JSON.parse(second.stdout.trim().split('\n').at(-1)!);
  assert.equal(report.resumed, true);
  assert.ok(report.bytesResumed > 0, 'bytes from the first run were kept');
  assert.ok(report.bytesFetched < blob.writtenBytes, `second run fetched ${report.bytesFetched} of ${blob.writtenBytes} written bytes`);
  assert.match(second.stderr, /MB \/ [\d.]+ MB \(\d+%\), skipped [\d.]+ MB empty, [\d.]+ MB\/s, ETA /, 'a progress line on stderr');

  assert.ok((await readFile(path)).equals(blob.expected!), 'downloaded bytes equal the blob');
  const allocated = (await stat(path)).blocks * 512;
  assert.ok(allocated <= blob.writtenBytes * 1.01 + 64 * 1024, `allocated ${allocated} bytes for ${blob.writtenBytes} written`);
  assert.equal(await exists(journal), false, 'the journal is gone once complete');
  assert.equal(await exists(`${path}.manifest.json`), true);
  for (const output of [first.stdout, first.stderr, second.stdout, second.stderr]) {
    assert.ok(!output.includes('sig='), 'no SAS signature in any output');
  }
});

test('a refused SAS exits with the documented code 3 and a one-line error without the SAS', async () => {
  const path = join(dir, 'refused.vhd');
  const forged = blob.sasUrl().replace(/sig=[^&]+/, 'sig=AAAA');
  const run = await runCli(['download', forged, path], {});
  assert.equal(run.code, 3, run.stderr);
  assert.match(run.stderr, /error \(accessExpired\):/);
  assert.ok(!run.stderr.includes('sig=AAAA'), 'the signature is redacted');
  assert.equal(await exists(path), false);
});

test('an existing file is not replaced without --overwrite (exit 10)', async () => {
  const path = join(dir, 'existing.vhd');
  await writeFile(path, 'keep me');
  const run = await runCli(['download', blob.sasUrl(), path], {});
  assert.equal(run.code, 10, run.stderr);
  assert.match(run.stderr, /error \(destinationExists\)/);
  assert.equal(await readFile(path, 'utf8'), 'keep me', 'the existing file is untouched');
});

test('the bundled CLI (as esbuild.mjs builds dist/cli.cjs: SDK inlined, no vscode) downloads on its own', async () => {
  // Built here into the temp folder rather than dist/ (shared): same entry and options as esbuild.mjs's cli build.
  const bundle = join(dir, 'cli.cjs');
  await esbuild.build({
    entryPoints: [cli], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node22',
    external: ['vscode'], mainFields: ['module', 'main'], banner: { js: '#!/usr/bin/env node' }, logLevel: 'error',
  });
  const path = join(dir, 'bundled.vhd');
  const child = spawn(process.execPath, [bundle, 'download', '--sas-url-env', 'S', path], { env: { ...process.env, S: blob.sasUrl() }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.ok((await readFile(path)).equals(blob.expected!), 'downloaded bytes equal the blob');
});
