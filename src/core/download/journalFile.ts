// Reads and appends the resume journal (format: downloadJournal.ts). Entries are batched and appended every
// interval and on close: one small write a second instead of one per range.
//
// Ordering: an entry may reach the disk before the range's data does (we do not fsync the data first, it would
// stall the transfer). That is safe because completion re-reads every range and re-fetches any that do not
// match its journal hash: a lying journal costs a re-fetch, never a wrong file.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { formatJournalEntry, formatJournalHeader, parseDownloadJournal, type JournalEntry, type JournalHeader, type ParsedJournal } from './downloadJournal.ts';
import { DownloadError } from './downloadError.ts';
import { fileSystemError } from './fileSystemError.ts';

export async function readDownloadJournal(path: string): Promise<ParsedJournal | undefined> {
  try {
    return parseDownloadJournal(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export class JournalAppender {
  private readonly file: FileHandle;
  private position: number;
  private pending: string[] = [];
  private writing: Promise<void> = Promise.resolve();
  private failure: unknown;
  private readonly timer: NodeJS.Timeout;

  private constructor(file: FileHandle, position: number, flushIntervalMs: number) {
    this.file = file;
    this.position = position;
    this.timer = setInterval(() => void this.flush().catch(() => undefined), flushIntervalMs);
    this.timer.unref();
  }

  /** Starts a new journal (replacing any old one) with its header. */
  static async create(path: string, header: JournalHeader, flushIntervalMs = 1000): Promise<JournalAppender> {
    const file = await open(path, 'w');
    const text = Buffer.from(formatJournalHeader(header));
    try {
      await file.write(text, 0, text.length, 0);
      await file.sync();
    } catch (error) {
      await file.close();
      throw fileSystemError(error, 'Creating the download journal');
    }
    return new JournalAppender(file, text.length, flushIntervalMs);
  }

  /** Continues an existing journal, cutting off a torn tail first so new entries stay readable. */
  static async resume(path: string, validLength: number, flushIntervalMs = 1000): Promise<JournalAppender> {
    const file = await open(path, 'r+');
    await file.truncate(validLength);
    return new JournalAppender(file, validLength, flushIntervalMs);
  }

  add(entry: JournalEntry): void {
    this.pending.push(formatJournalEntry(entry));
  }

  /** Appends pending entries; writes are serialized so lines never interleave. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (this.failure !== undefined) throw this.failure;
      if (this.pending.length === 0) return;
      const text = Buffer.from(this.pending.join(''));
      this.pending = [];
      try {
        let done = 0;
        while (done < text.length) {
          const { bytesWritten } = await this.file.write(text, done, text.length - done, this.position + done);
          done += bytesWritten;
        }
        this.position += text.length;
      } catch (error) {
        this.failure = error;
        const code = (error as NodeJS.ErrnoException).code;
        throw new DownloadError(code === 'ENOSPC' ? 'diskFull' : 'fileSystem', `Writing the download journal failed (${code ?? 'unknown error'}).`, { cause: error, detail: code });
      }
    });
    return this.writing;
  }

  /**
   * Closes without flushing or syncing: for a completed download, whose journal is deleted next. Syncing a file
   * about to be removed only made the user wait for the disk after the VHD was already in place.
   */
  async discard(): Promise<void> {
    clearInterval(this.timer);
    this.pending = [];
    await this.writing.catch(() => undefined);
    await this.file.close();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    try {
      await this.flush();
      await this.file.sync();
    } finally {
      await this.file.close();
    }
  }
}
