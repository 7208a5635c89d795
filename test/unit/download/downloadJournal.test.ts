import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatJournalEntry, formatJournalHeader, JOURNAL_KIND, JOURNAL_VERSION, matchJournalToPlan, parseDownloadJournal, type JournalHeader } from '../../../src/core/download/downloadJournal.ts';
import { decideDownloadResume } from '../../../src/core/download/decideDownloadResume.ts';
import { planPageRangeDownload } from '../../../src/core/download/planPageRangeDownload.ts';

const MiB = 1024 * 1024;
const plan = planPageRangeDownload(64 * MiB, [{ offset: 0, count: 4096 }, { offset: 16 * MiB, count: 16 * MiB }, { offset: 64 * MiB - 512, count: 512 }]);
const header: JournalHeader = {
  kind: JOURNAL_KIND, version: JOURNAL_VERSION, sourceId: 'https://acct.blob.core.windows.net/c/abcd', etag: '"0x1"',
  blobSize: plan.blobSize, planFingerprint: plan.fingerprint, hashAlgorithm: 'sha256',
};
const h = (c: string) => c.repeat(64);
const entries = plan.requests.map((r, i) => ({ offset: r.offset, count: r.count, sha256: h('abcdef'[i]) }));
const full = formatJournalHeader(header) + entries.map(formatJournalEntry).join('');

test('a journal round-trips: header and every entry', () => {
  const parsed = parseDownloadJournal(Buffer.from(full));
  assert.deepEqual(parsed.header, header);
  assert.deepEqual(parsed.entries, entries);
  assert.equal(parsed.validLength, Buffer.byteLength(full));
  assert.equal(parsed.tornTail, false);
});

test('a torn last line (cut anywhere) is ignored and the valid length points before it', () => {
  const lastLineStart = Buffer.byteLength(formatJournalHeader(header) + entries.slice(0, -1).map(formatJournalEntry).join(''));
  for (let cut = lastLineStart + 1; cut < Buffer.byteLength(full); cut++) {
    const parsed = parseDownloadJournal(Buffer.from(full).subarray(0, cut));
    assert.equal(parsed.entries.length, entries.length - 1, `cut at ${cut}`);
    assert.equal(parsed.validLength, lastLineStart);
    assert.equal(parsed.tornTail, true);
  }
});

test('garbage after a crash (NUL bytes, a line failing its check) ends the journal there', () => {
  const withNuls = Buffer.concat([Buffer.from(full), Buffer.alloc(100)]);
  assert.equal(parseDownloadJournal(withNuls).entries.length, entries.length);
  assert.equal(parseDownloadJournal(withNuls).validLength, Buffer.byteLength(full));
  const tampered = full.replace(`"h":"${h('a')}"`, `"h":"${h('0')}"`);
  const parsed = parseDownloadJournal(Buffer.from(tampered));
  assert.equal(parsed.entries.length, 0, 'an entry whose check does not match is not trusted');
});

test('a file that does not start with a valid header yields nothing', () => {
  const parsed = parseDownloadJournal(Buffer.from('{"kind":"other"}\n' + entries.map(formatJournalEntry).join('')));
  assert.equal(parsed.header, undefined);
  assert.equal(parsed.validLength, 0);
});

test('journal entries are matched to the plan by offset and count', () => {
  const parsed = parseDownloadJournal(Buffer.from(formatJournalHeader(header) + formatJournalEntry(entries[1]) + formatJournalEntry({ offset: 999, count: 1, sha256: h('9') })));
  const match = matchJournalToPlan(parsed, header, plan);
  assert.ok(match.usable);
  assert.deepEqual([...match.doneByIndex], [[1, h('b')]]);
});

test('resume only with a partial file of the right size and a journal for this blob, version and plan', () => {
  const journal = parseDownloadJournal(Buffer.from(full));
  const resume = decideDownloadResume({ partialFileSize: plan.blobSize, journal, expectedHeader: header, plan });
  assert.equal(resume.mode, 'resume');
  assert.equal(resume.mode === 'resume' && resume.doneByIndex.size, plan.requests.length);
  const fresh = (input: Partial<Parameters<typeof decideDownloadResume>[0]>) =>
    decideDownloadResume({ partialFileSize: plan.blobSize, journal, expectedHeader: header, plan, ...input });
  assert.deepEqual(fresh({ partialFileSize: undefined }), { mode: 'fresh', reason: 'noPartialFile' });
  assert.deepEqual(fresh({ journal: undefined }), { mode: 'fresh', reason: 'noJournal' });
  assert.deepEqual(fresh({ partialFileSize: 10 }), { mode: 'fresh', reason: 'partialSizeDiffers' });
  assert.deepEqual(fresh({ expectedHeader: { ...header, etag: '"0x2"' } }), { mode: 'fresh', reason: 'differentSource' });
  const otherPlan = planPageRangeDownload(64 * MiB, [{ offset: 0, count: 8192 }]);
  assert.deepEqual(fresh({ plan: otherPlan, expectedHeader: { ...header, planFingerprint: otherPlan.fingerprint } }), { mode: 'fresh', reason: 'differentPlan' });
});
