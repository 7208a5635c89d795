import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNonZeroBlocks } from '../../../src/core/download/findNonZeroBlocks.ts';

test('zero blocks are skipped and non-zero neighbours merge into one write', () => {
  const b = Buffer.alloc(5 * 4096);
  b[1] = 1; // block 0
  b[4096 + 5] = 1; // block 1
  b[4 * 4096 + 4095] = 1; // block 4
  assert.deepEqual(findNonZeroBlocks(b, 0), [{ offset: 0, count: 8192 }, { offset: 4 * 4096, count: 4096 }]);
});

test('blocks are aligned to file offsets, not buffer offsets', () => {
  const b = Buffer.alloc(8192);
  b[0] = 1; // file offset 512: block [0, 4096) of the file, of which the buffer holds [512, 4096)
  b[4000] = 1; // file offset 4512: block [4096, 8192) -> buffer [3584, 7680)
  assert.deepEqual(findNonZeroBlocks(b, 512), [{ offset: 0, count: 7680 }]);
  const c = Buffer.alloc(8192);
  c[8000] = 7; // file offset 8512: block [8192, 12288) -> buffer [7680, 8192)
  assert.deepEqual(findNonZeroBlocks(c, 512), [{ offset: 7680, count: 512 }]);
});

test('all zeros -> nothing to write; all data -> one write', () => {
  assert.deepEqual(findNonZeroBlocks(Buffer.alloc(1 << 20), 0), []);
  assert.deepEqual(findNonZeroBlocks(Buffer.alloc(10_000, 3), 0), [{ offset: 0, count: 10_000 }]);
});
