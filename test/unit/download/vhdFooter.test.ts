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

// A fixed-VHD footer written out field by field from Microsoft's "Virtual Hard Disk Image Format Specification"
// (not by our builder): a 1 GiB disk as Hyper-V writes it ("win " 10.0 on "Wi2k"), created 2024-01-01T00:00:00Z,
// geometry 2080 cylinders / 16 heads / 63 sectors (the spec's CHS algorithm for 2,097,152 sectors), and its
// checksum worked out by hand: the bytes outside the checksum field sum to 0x1508, one's complement 0xFFFFEAF7.
const KNOWN_1GIB_FOOTER = Buffer.concat([
  Buffer.from(
    '636f6e6563746978' + // cookie "conectix"
    '00000002' + // features: reserved bit
    '00010000' + // file format version 1.0
    'ffffffffffffffff' + // data offset: none (fixed disk)
    '2d24bd00' + // time stamp: 757,382,400 s after 2000-01-01 = 2024-01-01
    '77696e20' + // creator application "win "
    '000a0000' + // creator version 10.0
    '5769326b' + // creator host OS "Wi2k"
    '0000000040000000' + // original size 1 GiB
    '0000000040000000' + // current size 1 GiB
    '0820103f' + // disk geometry C/H/S 2080/16/63
    '00000002' + // disk type: fixed
    'ffffeaf7' + // checksum
    '6a1f3c5e9b2d4e7f8a0b1c2d3e4f5061' + // unique id
    '00', // saved state
    'hex',
  ),
  Buffer.alloc(427), // reserved
]);

test('a known fixed-VHD footer built from the specification\'s bytes is accepted, field by field', () => {
  assert.equal(KNOWN_1GIB_FOOTER.length, 512);
  assert.deepEqual(checkVhdFooter(KNOWN_1GIB_FOOTER, 1024 ** 3 + 512), []);
  const parsed = parseVhdFooter(KNOWN_1GIB_FOOTER);
  assert.equal(parsed.cookie, 'conectix');
  assert.equal(parsed.formatVersion, 0x00010000);
  assert.equal(parsed.currentSize, 1024 ** 3);
  assert.equal(parsed.originalSize, 1024 ** 3);
  assert.equal(parsed.diskType, 2);
  assert.equal(parsed.storedChecksum, 0xffffeaf7);
  assert.equal(computeVhdFooterChecksum(KNOWN_1GIB_FOOTER), 0xffffeaf7);
  // Our builder agrees with the specification on geometry for the same size.
  assert.deepEqual(buildFixedVhdFooter(1024 ** 3).subarray(56, 60), KNOWN_1GIB_FOOTER.subarray(56, 60));
  // One flipped bit in the unique id breaks the checksum; a 1 GiB footer on a 2 GiB file breaks the size.
  const damaged = Buffer.from(KNOWN_1GIB_FOOTER);
  damaged[70] ^= 1;
  assert.deepEqual(checkVhdFooter(damaged, 1024 ** 3 + 512).map((f) => f.rule), ['vhdFooter.checksum']);
  assert.deepEqual(checkVhdFooter(KNOWN_1GIB_FOOTER, 2 * 1024 ** 3 + 512).map((f) => f.rule), ['vhdFooter.size']);
});
