// The download engine without VS Code, for pipelines and remote machines (bundled as dist/cli.cjs, the package's
// `azure-linux-vm-download` bin). Same engine as the extension: sparse file, `.partial` + journal beside it so a
// second run after Ctrl-C or a crash resumes, every range verified, the final name only when complete.
// Progress goes to stderr (one line, redrawn on a terminal, a line every few seconds otherwise); the SAS never
// appears in any output (errors pass through redactSecrets).
import { downloadPageBlobToFile } from '../azure/storage/downloadPageBlobToFile.ts';
import { isDownloadError, type DownloadErrorCode } from '../core/download/downloadError.ts';
import type { DownloadProgress } from '../core/download/downloadProgress.ts';
import { redactSecrets } from '../core/redact.ts';
import { formatCliProgress } from './formatCliProgress.ts';
import { parseDownloadArgs } from './parseDownloadArgs.ts';

/** Exit codes: stable, documented in --help, for scripts to branch on. */
export const EXIT_CODES: Record<'ok' | 'usage' | DownloadErrorCode | 'unexpected', number> = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  accessExpired: 3,
  transferFailed: 4,
  sourceChanged: 5,
  verificationFailed: 6,
  vhdFooterInvalid: 7,
  diskFull: 8,
  fileSystem: 9,
  destinationExists: 10,
  tokenRefused: 11,
  cancelled: 130,
};

const HELP = `usage: azure-linux-vm-download download <sas-url> <file> [options]
       azure-linux-vm-download download --sas-url-env NAME <file> [options]

Downloads a managed disk (page blob) from its SAS URL into a sparse VHD file. Only written ranges are fetched and
written; <file>.partial and <file>.partial.journal hold an unfinished download: run the same command again (after
Ctrl-C, a crash or a lost connection) and it resumes. <file> appears only once every range is verified and the VHD
footer is valid; <file>.manifest.json lists the ranges and their SHA-256.

options:
  --sas-url-env NAME        read the SAS URL from environment variable NAME (keeps it out of ps and history)
  --bearer-token-env NAME   send the token in NAME as Authorization: Bearer (disks with Entra ID data access)
  --concurrency N           requests in flight (1-64); default: adaptive
  --overwrite               replace an existing <file>
  -h, --help                this text

exit codes:
  0 downloaded and verified          6 bytes on disk did not verify, even after re-fetching
  1 unexpected error                 7 not a valid fixed VHD (footer)
  2 usage error                      8 the disk holding <file> is full (free space, run again to resume)
  3 SAS expired or refused (403)     9 other file system error
  4 transfer failed after retries   10 <file> already exists (use --overwrite)
  5 the disk changed while reading  11 the disk refused the --bearer-token-env token (expired or wrong audience)
                                   130 cancelled (Ctrl-C); run again to resume
`;

export async function runDownloadCli(argv: readonly string[], env: NodeJS.ProcessEnv, stderr: NodeJS.WriteStream): Promise<number> {
  const parsed = parseDownloadArgs(argv, env);
  if (parsed.kind === 'help') {
    process.stdout.write(HELP);
    return EXIT_CODES.ok;
  }
  if (parsed.kind === 'usageError') {
    stderr.write(`${parsed.message}\n\n${HELP}`);
    return EXIT_CODES.usage;
  }

  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT_CODES.cancelled); // a second Ctrl-C: stop at once
    stderr.write('\nCancelling; the partial file and journal stay so the next run resumes…\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const progress = progressWriter(stderr);
  try {
    const token = parsed.bearerToken;
    const result = await downloadPageBlobToFile({
      sasUrl: parsed.sasUrl,
      destinationPath: parsed.destination,
      overwrite: parsed.overwrite,
      signal: controller.signal,
      getBearerToken: token ? async () => token : undefined,
      concurrency: parsed.concurrency ? { initial: parsed.concurrency, min: parsed.concurrency, max: parsed.concurrency } : undefined,
      progressIntervalMs: stderr.isTTY ? 250 : 100,
      onProgress: progress.write,
    });
    progress.end();
    stderr.write(
      `Downloaded ${result.destinationPath}: ${(result.blobSize / 1e6).toFixed(1)} MB disk, fetched ${(result.bytesFetched / 1e6).toFixed(1)} MB` +
        (result.resumed ? ` (resumed; ${(result.bytesResumed / 1e6).toFixed(1)} MB from the earlier run)` : '') +
        ` in ${(result.elapsedMs / 1000).toFixed(1)} s; manifest ${result.manifestPath}\n`,
    );
    // stdout: one machine-readable line for pipelines.
    process.stdout.write(`${JSON.stringify({ destination: result.destinationPath, manifest: result.manifestPath, blobSize: result.blobSize, bytesFetched: result.bytesFetched, bytesResumed: result.bytesResumed, bytesSkipped: result.bytesSkipped, resumed: result.resumed, elapsedMs: Math.round(result.elapsedMs), phaseMs: roundAll(result.phaseMs), peakInFlight: result.peakInFlight })}\n`);
    return EXIT_CODES.ok;
  } catch (error) {
    progress.end();
    if (isDownloadError(error)) {
      stderr.write(`error (${error.code}): ${redactSecrets(error.message)}\n`);
      return EXIT_CODES[error.code];
    }
    stderr.write(`error: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT_CODES.unexpected;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function roundAll(phases: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(phases).map(([phase, ms]) => [phase, Math.round(ms)]));
}

/** On a terminal the line is redrawn; in a log (not a TTY) a line is written every 2 s and at phase changes. */
function progressWriter(stderr: NodeJS.WriteStream): { write: (p: DownloadProgress) => void; end: () => void } {
  let lastLineAt = 0;
  let lastPhase = '';
  let drawn = false;
  return {
    write(p) {
      const line = formatCliProgress(p);
      if (stderr.isTTY) {
        stderr.write(`\r${line}\x1b[K`);
        drawn = true;
        return;
      }
      const now = Date.now();
      if (p.phase !== lastPhase || now - lastLineAt >= 2000) {
        stderr.write(`${line}\n`);
        lastLineAt = now;
        lastPhase = p.phase;
      }
    },
    end() {
      if (drawn) stderr.write('\n');
      drawn = false;
    },
  };
}

// Runs when loaded as the program (the bundle, or `node src/cli/downloadCli.ts`), not when a test imports it.
const entry = process.argv[1] ?? '';
if (/(?:^|[/\\])(?:cli\.cjs|downloadCli\.ts|azure-linux-vm-download)$/.test(entry)) {
  runDownloadCli(process.argv.slice(2), process.env, process.stderr).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`error: ${redactSecrets(String(error))}\n`);
      process.exitCode = EXIT_CODES.unexpected;
    },
  );
}
