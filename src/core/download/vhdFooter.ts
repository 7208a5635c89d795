// The 512-byte footer at the end of a fixed VHD (Microsoft's "Virtual Hard Disk Image Format Specification").
// Azure managed disks are fixed VHDs: the blob is the raw disk followed by this footer. Checking it after a
// download catches the silent failures a byte count cannot: a footer page that was never fetched (zeros), a file
// cut short or padded, or a footer whose bytes were damaged.
//
// Layout (big-endian): 0 cookie "conectix" | 8 features | 12 format version | 16 data offset | 24 timestamp |
// 28 creator app | 32 creator version | 36 creator host OS | 40 original size | 48 current size | 56 geometry |
// 60 disk type | 64 checksum | 68 unique id (16) | 84 saved state | 85 reserved (427).

export const VHD_FOOTER_BYTES = 512;
const COOKIE = 'conectix';
const CHECKSUM_OFFSET = 64;
export const VHD_DISK_TYPE_FIXED = 2;

export interface VhdFooter {
  cookie: string;
  formatVersion: number;
  currentSize: number;
  originalSize: number;
  diskType: number;
  storedChecksum: number;
  computedChecksum: number;
}

export interface VhdFooterFinding {
  rule: 'vhdFooter.cookie' | 'vhdFooter.size' | 'vhdFooter.checksum' | 'vhdFooter.diskType';
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export function parseVhdFooter(footer: Uint8Array): VhdFooter {
  if (footer.length !== VHD_FOOTER_BYTES) throw new RangeError(`a VHD footer is ${VHD_FOOTER_BYTES} bytes, got ${footer.length}`);
  const view = new DataView(footer.buffer, footer.byteOffset, footer.byteLength);
  return {
    cookie: Buffer.from(footer.subarray(0, 8)).toString('latin1'),
    formatVersion: view.getUint32(12),
    originalSize: Number(view.getBigUint64(40)),
    currentSize: Number(view.getBigUint64(48)),
    diskType: view.getUint32(60),
    storedChecksum: view.getUint32(CHECKSUM_OFFSET),
    computedChecksum: computeVhdFooterChecksum(footer),
  };
}

/** One's complement of the sum of all footer bytes, the checksum field itself excluded (taken as zero). */
export function computeVhdFooterChecksum(footer: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < footer.length; i++) {
    if (i >= CHECKSUM_OFFSET && i < CHECKSUM_OFFSET + 4) continue;
    sum += footer[i];
  }
  return ~sum >>> 0;
}

/** Findings for the footer of a file whose total length is `fileSize` (disk bytes + footer). */
export function checkVhdFooter(footer: Uint8Array, fileSize: number): VhdFooterFinding[] {
  const parsed = parseVhdFooter(footer);
  const findings: VhdFooterFinding[] = [];
  if (parsed.cookie !== COOKIE) {
    findings.push({
      rule: 'vhdFooter.cookie',
      severity: 'error',
      message: `The last 512 bytes are not a VHD footer (cookie "${printable(parsed.cookie)}" instead of "conectix").`,
    });
    return findings; // the other fields mean nothing without the cookie
  }
  if (parsed.currentSize + VHD_FOOTER_BYTES !== fileSize) {
    findings.push({
      rule: 'vhdFooter.size',
      severity: 'error',
      message: `The footer says the disk holds ${parsed.currentSize} bytes, but the file holds ${fileSize - VHD_FOOTER_BYTES} before its footer.`,
    });
  }
  if (parsed.storedChecksum !== parsed.computedChecksum) {
    findings.push({
      rule: 'vhdFooter.checksum',
      severity: 'error',
      message: `The footer checksum is 0x${hex(parsed.storedChecksum)} but its bytes sum to 0x${hex(parsed.computedChecksum)}: the footer is damaged.`,
    });
  }
  if (parsed.diskType !== VHD_DISK_TYPE_FIXED) {
    findings.push({
      rule: 'vhdFooter.diskType',
      severity: 'warning',
      message: `The footer describes disk type ${parsed.diskType}, not a fixed disk (2) as Azure uses.`,
    });
  }
  return findings;
}

/** A valid fixed-VHD footer for a disk of `diskBytes` (tests, fixtures, and anyone creating a VHD to upload). */
export function buildFixedVhdFooter(diskBytes: number, uniqueId: Uint8Array = new Uint8Array(16), timestamp = 0): Buffer {
  const footer = Buffer.alloc(VHD_FOOTER_BYTES);
  footer.write(COOKIE, 0, 'latin1');
  footer.writeUInt32BE(2, 8); // features: reserved bit always set
  footer.writeUInt32BE(0x00010000, 12);
  footer.writeBigUInt64BE(0xffffffffffffffffn, 16); // fixed disks have no dynamic header
  footer.writeUInt32BE(timestamp >>> 0, 24);
  footer.write('avmt', 28, 'latin1');
  footer.writeUInt32BE(0x00010000, 32);
  footer.write('Wi2k', 36, 'latin1');
  footer.writeBigUInt64BE(BigInt(diskBytes), 40);
  footer.writeBigUInt64BE(BigInt(diskBytes), 48);
  footer.writeUInt32BE(chsGeometry(diskBytes), 56);
  footer.writeUInt32BE(VHD_DISK_TYPE_FIXED, 60);
  footer.set(uniqueId.subarray(0, 16), 68);
  footer.writeUInt32BE(computeVhdFooterChecksum(footer), CHECKSUM_OFFSET);
  return footer;
}

/** The CHS geometry algorithm from the VHD specification's appendix. */
function chsGeometry(diskBytes: number): number {
  let sectors = Math.min(Math.floor(diskBytes / 512), 65535 * 16 * 255);
  let spt: number, heads: number, cth: number;
  if (sectors >= 65535 * 16 * 63) {
    spt = 255; heads = 16; cth = Math.floor(sectors / spt);
  } else {
    spt = 17; cth = Math.floor(sectors / spt);
    heads = Math.max(4, Math.floor((cth + 1023) / 1024));
    if (cth >= heads * 1024 || heads > 16) { spt = 31; heads = 16; cth = Math.floor(sectors / spt); }
    if (cth >= heads * 1024) { spt = 63; heads = 16; cth = Math.floor(sectors / spt); }
  }
  const cylinders = Math.floor(cth / heads);
  sectors = spt;
  return ((cylinders & 0xffff) << 16 | (heads & 0xff) << 8 | (sectors & 0xff)) >>> 0;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '.');
}
