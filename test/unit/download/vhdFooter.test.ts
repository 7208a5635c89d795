import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFixedVhdFooter, checkVhdFooter, computeVhdFooterChecksum, parseVhdFooter } from '../../../src/core/download/vhdFooter.ts';

const GiB = 1024 ** 3;

test('a footer we build is valid for its size', () => {
  const footer = buildFixedVhdFooter(30 * GiB);
  assert.equal(footer.length, 512);
  assert.equal(footer.subarray(0, 8).toString('latin1'), 'conectix');
  assert.deepEqual(checkVhdFooter(footer, 30 * GiB + 512), []);
  const parsed = parseVhdFooter(footer);
  assert.equal(parsed.currentSize, 30 * GiB);
  assert.equal(parsed.diskType, 2);
});

test('the checksum is the one\'s complement of the byte sum without the checksum field', () => {
  const footer = Buffer.alloc(512);
  footer[0] = 1;
  footer[100] = 2;
  footer.writeUInt32BE(0xdeadbeef, 64); // ignored
  assert.equal(computeVhdFooterChecksum(footer), ~3 >>> 0);
});

test('a missing footer (zeros: the last page never fetched) is reported as not a VHD', () => {
  const findings = checkVhdFooter(Buffer.alloc(512), GiB + 512);
  assert.deepEqual(findings.map((f) => f.rule), ['vhdFooter.cookie']);
  assert.equal(findings[0].severity, 'error');
});

test('a size mismatch and a damaged byte are both caught', () => {
  const footer = buildFixedVhdFooter(GiB);
  assert.deepEqual(checkVhdFooter(footer, 2 * GiB + 512).map((f) => f.rule), ['vhdFooter.size']);
  const damaged = Buffer.from(footer);
  damaged[300] ^= 0x40;
  assert.deepEqual(checkVhdFooter(damaged, GiB + 512).map((f) => f.rule), ['vhdFooter.checksum']);
});

test('a dynamic-disk footer is a warning, not an error', () => {
  const footer = buildFixedVhdFooter(GiB);
  footer.writeUInt32BE(3, 60);
  footer.writeUInt32BE(computeVhdFooterChecksum(footer), 64);
  const findings = checkVhdFooter(footer, GiB + 512);
  assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['vhdFooter.diskType', 'warning']]);
});
