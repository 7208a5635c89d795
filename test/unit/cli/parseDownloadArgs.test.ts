import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDownloadArgs } from '../../../src/cli/parseDownloadArgs.ts';
import { formatCliProgress } from '../../../src/cli/formatCliProgress.ts';

const SAS = 'https://acct.blob.core.windows.net/c/abcd?sv=2024&sig=secret';

test('download <sas-url> <file> with options', () => {
  assert.deepEqual(parseDownloadArgs(['download', SAS, 'disk.vhd', '--concurrency', '4', '--bearer-token-env', 'TOK'], { TOK: 'eyJ' }), {
    kind: 'download', sasUrl: SAS, destination: 'disk.vhd', bearerToken: 'eyJ', concurrency: 4, overwrite: false,
  });
});

test('the SAS URL may come from the environment instead of argv', () => {
  const parsed = parseDownloadArgs(['download', '--sas-url-env', 'S', 'd.vhd', '--overwrite'], { S: SAS });
  assert.equal(parsed.kind === 'download' && parsed.sasUrl, SAS);
  assert.equal(parsed.kind === 'download' && parsed.overwrite, true);
});

test('usage errors say what is wrong', () => {
  const cases: [string[], RegExp][] = [
    [['upload', SAS, 'x'], /Unknown command "upload"/],
    [['download', SAS], /Expected <sas-url> <file>/],
    [['download', SAS, 'x', '--concurrency', '0'], /from 1 to 64/],
    [['download', SAS, 'x', '--bearer-token-env', 'MISSING'], /MISSING .* not set/],
    [['download', 'ftp://x', 'x'], /must start with https/],
    [['download', SAS, 'x', '--fast'], /Unknown option --fast/],
  ];
  for (const [argv, message] of cases) {
    const parsed = parseDownloadArgs(argv, {});
    assert.equal(parsed.kind, 'usageError', argv.join(' '));
    assert.match(parsed.kind === 'usageError' ? parsed.message : '', message);
  }
  assert.deepEqual(parseDownloadArgs([], {}), { kind: 'help' });
});

test('the progress line shows done / to fetch, skipped, MB/s and ETA', () => {
  const line = formatCliProgress({
    phase: 'downloading', blobSize: 8e9, bytesToFetch: 800e6, bytesDone: 200e6, bytesResumed: 0, bytesSkipped: 7.2e9,
    bytesPerSecond: 100e6, etaSeconds: 6, requestsInFlight: 8, retries: 1,
  });
  assert.equal(line, 'downloading, 200.0 MB / 800.0 MB (25%), skipped 7200.0 MB empty, 100.0 MB/s, ETA 0m06s, 1 retries');
});
