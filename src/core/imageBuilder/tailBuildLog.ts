// Following customization.log while a build runs: read what was added since the last read, hand it on, wait, and
// stop once the run has ended (after one last read, so the final lines are never lost) or the reader went away.
// Pure: the reading, the run state and the waiting are passed in, so the loop is tested without Azure or VS Code.

export interface BuildLogTail {
  /** Bytes from `offset` to the log's current end (empty when nothing new). */
  readFrom(offset: number): Promise<Uint8Array>;
  /** Whether the run is still going (asked between reads). */
  isRunActive(): Promise<boolean>;
  /** New text, in order. */
  onText(text: string): void;
  /** True when nobody looks any more (the editor closed, the extension stopped). */
  stopped(): boolean;
  wait(): Promise<void>;
}

/** Follows the log to the end of the run; returns the bytes read. Errors propagate, for the caller to show. */
export async function tailBuildLog(tail: BuildLogTail, runActive: boolean): Promise<number> {
  let offset = 0;
  let active = runActive;
  const decoder = new TextDecoder('utf-8');
  for (;;) {
    const chunk = await tail.readFrom(offset);
    if (chunk.length > 0) {
      offset += chunk.length;
      // stream: a multi-byte character split between two reads is completed by the next one.
      tail.onText(decoder.decode(chunk, { stream: true }));
    }
    if (!active || tail.stopped()) return offset;
    await tail.wait();
    active = await tail.isRunActive();
  }
}
