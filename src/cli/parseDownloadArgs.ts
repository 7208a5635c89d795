// The command line of `cli download`: pure parsing, so the entry stays a thin shell and the rules are testable.
// The SAS URL may come from an environment variable (`--sas-url-env NAME`) so it stays out of `ps` and shell history.

export interface DownloadCommand {
  kind: 'download';
  sasUrl: string;
  destination: string;
  bearerToken?: string;
  concurrency?: number;
  overwrite: boolean;
}

export type ParsedCommandLine = DownloadCommand | { kind: 'help' } | { kind: 'usageError'; message: string };

export function parseDownloadArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedCommandLine {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'download') return { kind: 'usageError', message: `Unknown command "${command}".` };
  const positional: string[] = [];
  let bearerToken: string | undefined;
  let sasFromEnv: string | undefined;
  let concurrency: number | undefined;
  let overwrite = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value.`);
      return v;
    };
    try {
      if (arg === '--bearer-token-env' || arg === '--sas-url-env') {
        const name = value();
        const v = env[name];
        if (!v) throw new UsageError(`The environment variable ${name} (${arg}) is not set.`);
        if (arg === '--bearer-token-env') bearerToken = v;
        else sasFromEnv = v;
      } else if (arg === '--concurrency') {
        const raw = value();
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, not "${raw}".`);
        concurrency = n;
      } else if (arg === '--overwrite') {
        overwrite = true;
      } else if (arg.startsWith('--')) {
        throw new UsageError(`Unknown option ${arg}.`);
      } else {
        positional.push(arg);
      }
    } catch (error) {
      if (error instanceof UsageError) return { kind: 'usageError', message: error.message };
      throw error;
    }
  }
  const expected = sasFromEnv === undefined ? 2 : 1;
  if (positional.length !== expected) {
    return { kind: 'usageError', message: sasFromEnv === undefined ? 'Expected <sas-url> <file>.' : 'With --sas-url-env, expected only <file>.' };
  }
  const sasUrl = sasFromEnv ?? positional[0];
  if (!/^https?:\/\//i.test(sasUrl)) return { kind: 'usageError', message: 'The SAS URL must start with https:// (or http:// for a local emulator).' };
  return { kind: 'download', sasUrl, destination: positional[expected - 1], bearerToken, concurrency, overwrite };
}

class UsageError extends Error {}
