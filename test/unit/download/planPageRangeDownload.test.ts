import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupNearRanges, planPageRangeDownload, splitEvenly } from '../../../src/core/download/planPageRangeDownload.ts';
import { intersectRanges, normalizeRanges } from '../../../src/core/download/byteRange.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

test('normalizeRanges sorts, clamps to the blob and merges overlapping or touching ranges', () => {
  assert.deepEqual(
    normalizeRanges([{ offset: 4096, count: 512 }, { offset: 0, count: 1024 }, { offset: 1024, count: 512 }, { offset: 4000, count: 200 }, { offset: 9000, count: 5000 }], 10_000),
    [{ offset: 0, count: 1536 }, { offset: 4000, count: 608 }, { offset: 9000, count: 1000 }],
  );
  assert.deepEqual(normalizeRanges([{ offset: 20_000, count: 512 }], 10_000), []);
});

test('intersectRanges keeps only the parts inside the window', () => {
  assert.deepEqual(intersectRanges([{ offset: 0, count: 100 }, { offset: 200, count: 100 }], { offset: 50, count: 200 }), [
    { offset: 50, count: 50 }, { offset: 200, count: 50 },
  ]);
});

test('ranges separated by a small hole are fetched in one request; far ones are not', () => {
  const spans = groupNearRanges([{ offset: 0, count: 512 }, { offset: 1024, count: 512 }, { offset: 10 * MiB, count: 512 }], 512 * KiB);
  assert.deepEqual(spans, [{ offset: 0, count: 1536 }, { offset: 10 * MiB, count: 512 }]);
});

test('long runs are split into nearly equal pieces of at least the target and under twice it', () => {
  const pieces = splitEvenly({ offset: 0, count: 12 * MiB }, 8 * MiB, 512);
  assert.deepEqual(pieces, [{ offset: 0, count: 12 * MiB }]); // one piece: 12 < 16
  const big = splitEvenly({ offset: 512, count: 100 * MiB + 512 }, 8 * MiB, 512);
  assert.equal(big.length, 12);
  for (const p of big) {
    assert.ok(p.count >= 8 * MiB && p.count < 16 * MiB + 512, `piece ${p.count}`);
    assert.equal(p.offset % 512, 0);
  }
  // contiguous and complete
  assert.equal(big[0].offset, 512);
  for (let i = 1; i < big.length; i++) assert.equal(big[i].offset, big[i - 1].offset + big[i - 1].count);
  assert.equal(big.reduce((s, p) => s + p.count, 0), 100 * MiB + 512);
});

test('no request of a large written region is 4 MiB or less (Azurite reads those twice)', () => {
  for (const len of [8 * MiB + 512, 9 * MiB, 16 * MiB + 512, 33 * MiB, 1024 * MiB]) {
    const plan = planPageRangeDownload(2048 * MiB, [{ offset: MiB, count: len }]);
    for (const r of plan.requests) assert.ok(r.count > 4 * MiB, `len ${len}: request of ${r.count}`);
  }
});

test('the plan accounts for every byte: fetched + skipped = blob size, data inside requests', () => {
  const size = 64 * MiB;
  const pages = [{ offset: 0, count: 4096 }, { offset: 8192, count: 4096 }, { offset: 20 * MiB, count: 20 * MiB }, { offset: size - 512, count: 512 }];
  const plan = planPageRangeDownload(size, pages);
  assert.equal(plan.dataBytes, 4096 + 4096 + 20 * MiB + 512);
  assert.equal(plan.fetchBytes + plan.skippedBytes, size);
  assert.equal(plan.requests[0].count, 12_288); // first two merged across a 4 KiB hole
  assert.deepEqual(plan.requests[0].dataRanges, [{ offset: 0, count: 4096 }, { offset: 8192, count: 4096 }]);
  assert.equal(plan.requests.at(-1)!.offset, size - 512);
  assert.deepEqual(plan.requests.map((r) => r.index), plan.requests.map((_, i) => i));
});

test('an empty disk needs no request; the fingerprint changes with the request list', () => {
  const empty = planPageRangeDownload(MiB, []);
  assert.equal(empty.requests.length, 0);
  assert.equal(empty.skippedBytes, MiB);
  const a = planPageRangeDownload(MiB, [{ offset: 0, count: 512 }]);
  const b = planPageRangeDownload(MiB, [{ offset: 0, count: 1024 }]);
  assert.notEqual(a.fingerprint, b.fingerprint);
  assert.equal(a.fingerprint, planPageRangeDownload(MiB, [{ offset: 0, count: 512 }]).fingerprint);
});

test('invalid options are refused', () => {
  assert.throws(() => planPageRangeDownload(MiB, [], { targetRequestBytes: 100 }), RangeError);
});
