import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tailBuildLog, type BuildLogTail } from '../../../src/core/imageBuilder/tailBuildLog.ts';

/** A log that grows by one piece per wait while the run is active. */
function growingLog(pieces: string[], activeFor: number, extra: Partial<BuildLogTail> = {}) {
  const log = Buffer.from(pieces[0]);
  let content = log;
  let waits = 0;
  const seen: string[] = [];
  const reads: number[] = [];
  const tail: BuildLogTail = {
    readFrom: async (offset) => { reads.push(offset); return content.subarray(offset); },
    isRunActive: async () => waits < activeFor,
    onText: (text) => seen.push(text),
    stopped: () => false,
    wait: async () => { waits++; if (pieces[waits]) content = Buffer.concat([content, Buffer.from(pieces[waits])]); },
    ...extra,
  };
  return { tail, seen, reads };
}

test('a running build\'s log is read from where the last read ended, and the lines written as the run ends are kept', async () => {
  const { tail, seen, reads } = growingLog(['queued\n', 'building\n', 'customizing\n', 'Succeeded\n'], 3);
  const total = await tailBuildLog(tail, true);
  assert.equal(seen.join(''), 'queued\nbuilding\ncustomizing\nSucceeded\n');
  assert.deepEqual(reads, [0, 7, 16, 28]);
  assert.equal(total, 38);
});

test('a finished build is read once; a closed editor stops the tail', async () => {
  const done = growingLog(['all of it\n'], 0);
  await tailBuildLog(done.tail, false);
  assert.deepEqual(done.reads, [0]);
  const closed = growingLog(['a\n', 'b\n'], 5, { stopped: () => true });
  await tailBuildLog(closed.tail, true);
  assert.deepEqual(closed.seen, ['a\n']);
});

test('a character split between two reads comes out whole; a read error reaches the caller', async () => {
  const bytes = Buffer.from('ログ\n');
  let served = 0;
  const seen: string[] = [];
  await tailBuildLog({
    readFrom: async (offset) => { const end = served === 0 ? 2 : bytes.length; served++; return bytes.subarray(offset, end); },
    isRunActive: async () => served < 2,
    onText: (t) => seen.push(t), stopped: () => false, wait: async () => {},
  }, true);
  assert.equal(seen.join(''), 'ログ\n');
  await assert.rejects(tailBuildLog({
    readFrom: async () => { throw Object.assign(new Error('This request is not authorized'), { statusCode: 403 }); },
    isRunActive: async () => true, onText: () => {}, stopped: () => false, wait: async () => {},
  }, true), /not authorized/);
});
