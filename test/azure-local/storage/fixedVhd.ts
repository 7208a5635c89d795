// What a managed disk's export looks like: a fixed VHD = the raw disk bytes followed by a 512-byte footer
// (cookie 'conectix', disk type 2 = fixed, big-endian fields, one's-complement checksum), as Azure serves it.
// Content is synthetic but recognizable: a few MiB written at known offsets, the rest holes (zeros), so a
// downloader's output can be checked byte for byte with expectedDiskBytes().
import { createHash } from 'node:crypto';

export const SECTOR = 512;
export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/** The written ranges [start, end) of a disk of `diskBytes` bytes (footer not included). */
export function writtenRanges(diskBytes: number): Array<{ start: number; end: number }> {
  const candidates = [
    { start: 0, end: MiB }, // "boot" area
    { start: 64 * MiB, end: 66 * MiB }, // "file system" area
    { start: alignDown(diskBytes / 2, MiB), end: alignDown(diskBytes / 2, MiB) + MiB }, // middle
    { start: diskBytes - MiB, end: diskBytes }, // last MiB before the footer
  ];
  const out: Array<{ start: number; end: number }> = [];
  for (const r of candidates) {
    if (r.start < 0 || r.end > diskBytes) continue;
    const last = out[out.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** The bytes of one written sector: a readable label line, then a pattern that depends on the sector number. */
export function sectorBytes(label: string, sectorIndex: number): Buffer {
  const buf = Buffer.alloc(SECTOR);
  const text = `LOCALAZURE disk=${label} sector=${sectorIndex}\n`;
  buf.write(text.slice(0, 64), 0, 'ascii');
  for (let i = 64; i < SECTOR; i++) buf[i] = (sectorIndex * 31 + i) & 0xff;
  return buf;
}

/** Bytes of the written range [start, end) (sector-aligned). */
export function rangeBytes(label: string, start: number, end: number): Buffer {
  const out = Buffer.alloc(end - start);
  for (let off = start; off < end; off += SECTOR) sectorBytes(label, off / SECTOR).copy(out, off - start);
  return out;
}

/** What a reader should get for [offset, offset+length) of the VHD blob (disk bytes + footer). */
export function expectedDiskBytes(label: string, diskBytes: number, offset: number, length: number, footer?: Buffer): Buffer {
  const out = Buffer.alloc(length);
  const end = offset + length;
  for (const r of writtenRanges(diskBytes)) {
    const s = Math.max(r.start, alignDown(offset, SECTOR));
    const e = Math.min(r.end, end);
    if (s >= e) continue;
    const bytes = rangeBytes(label, s, alignUp(e, SECTOR));
    const from = Math.max(offset, s);
    bytes.copy(out, from - offset, from - s, e - s);
  }
  if (footer && end > diskBytes) {
    const from = Math.max(offset, diskBytes);
    footer.copy(out, from - offset, from - diskBytes, end - diskBytes);
  }
  return out;
}

/** The 512-byte fixed-VHD footer for a disk of `diskBytes` bytes. */
export function fixedVhdFooter(diskBytes: number, uniqueSeed: string, createdAt = new Date('2025-01-01T00:00:00Z')): Buffer {
  const f = Buffer.alloc(SECTOR);
  f.write('conectix', 0, 'ascii');
  f.writeUInt32BE(0x00000002, 8); // features: reserved bit always set
  f.writeUInt32BE(0x00010000, 12); // file format version 1.0
  f.writeBigUInt64BE(0xffffffffffffffffn, 16); // data offset: none for fixed disks
  f.writeUInt32BE(Math.floor((createdAt.getTime() - Date.UTC(2000, 0, 1)) / 1000) >>> 0, 24);
  f.write('win ', 28, 'ascii'); // creator application
  f.writeUInt32BE(0x000a0000, 32); // creator version
  f.write('Wi2k', 36, 'ascii'); // creator host OS
  f.writeBigUInt64BE(BigInt(diskBytes), 40); // original size
  f.writeBigUInt64BE(BigInt(diskBytes), 48); // current size
  const { cylinders, heads, sectorsPerTrack } = chsGeometry(diskBytes / SECTOR);
  f.writeUInt16BE(cylinders, 56);
  f.writeUInt8(heads, 58);
  f.writeUInt8(sectorsPerTrack, 59);
  f.writeUInt32BE(2, 60); // disk type: fixed
  createHash('sha256').update(uniqueSeed).digest().copy(f, 68, 0, 16); // unique id
  f.writeUInt32BE(vhdChecksum(f), 64);
  return f;
}

/** One's complement of the byte sum, with the checksum field (64..67) counted as zero. */
export function vhdChecksum(footer: Buffer): number {
  let sum = 0;
  for (let i = 0; i < SECTOR; i++) if (i < 64 || i > 67) sum += footer[i];
  return ~sum >>> 0;
}

/** CHS geometry, the algorithm from the VHD specification (appendix). */
function chsGeometry(totalSectors: number): { cylinders: number; heads: number; sectorsPerTrack: number } {
  const sectors = Math.min(totalSectors, 65535 * 16 * 255);
  let spt: number, heads: number, cth: number;
  if (sectors >= 65535 * 16 * 63) {
    spt = 255; heads = 16; cth = Math.floor(sectors / spt);
  } else {
    spt = 17; cth = Math.floor(sectors / spt);
    heads = Math.max(4, Math.floor((cth + 1023) / 1024));
    if (cth >= heads * 1024 || heads > 16) { spt = 31; heads = 16; cth = Math.floor(sectors / spt); }
    if (cth >= heads * 1024) { spt = 63; heads = 16; cth = Math.floor(sectors / spt); }
  }
  return { cylinders: Math.min(65535, Math.floor(cth / heads)), heads, sectorsPerTrack: spt };
}

function alignDown(n: number, a: number): number {
  return Math.floor(n / a) * a;
}
function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}
