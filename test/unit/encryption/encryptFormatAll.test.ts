import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FORMAT_ALL_EXPLANATION, FORMAT_ALL_REASONS, planEncryptFormatAll, type BlockDeviceDescription,
} from '../../../src/core/encryption/encryptFormatAll.ts';

// A typical VM: OS disk sda (root + boot/efi), temp disk sdb1 on /mnt, a data disk sdc1 mounted on /data,
// an unmounted sdd1, an already encrypted sde1, the BEK volume, and an LVM volume on sdf+sdg mounted on /lvdata.
const layout: BlockDeviceDescription[] = [
  { device: '/dev/sda1', kind: 'partition', mountPoint: '/', fileSystem: 'ext4', onOsDisk: true },
  { device: '/dev/sda15', kind: 'partition', mountPoint: '/boot/efi', fileSystem: 'vfat', onOsDisk: true },
  { device: '/dev/sdb1', kind: 'partition', mountPoint: '/mnt', fileSystem: 'ext4', isResourceDisk: true },
  { device: '/dev/sdc1', kind: 'partition', mountPoint: '/data', fileSystem: 'xfs' },
  { device: '/dev/sdd1', kind: 'partition', fileSystem: 'ext4' },
  { device: '/dev/sde1', kind: 'partition', mountPoint: '/secure', fileSystem: 'ext4', encrypted: true },
  { device: '/dev/sdh1', kind: 'partition', mountPoint: '/mnt/azure_bek_disk', fileSystem: 'vfat', isBekVolume: true },
  { device: '/dev/mapper/vg-lvdata', kind: 'lvm', mountPoint: '/lvdata', fileSystem: 'ext4', members: ['/dev/sdf', '/dev/sdg'] },
  { device: '/dev/sdf', kind: 'disk' },
  { device: '/dev/sdg', kind: 'disk' },
];

test('only mounted, unencrypted, non-OS, non-BEK, non-RAID/LVM partitions are formatted', () => {
  const plan = planEncryptFormatAll(layout);
  const byDevice = Object.fromEntries(plan.map((d) => [d.device, `${d.action}:${d.reason}`]));
  assert.deepEqual(byDevice, {
    '/dev/sda1': 'skip:rootOrBoot',
    '/dev/sda15': 'skip:rootOrBoot',
    '/dev/sdb1': 'format:resourceDisk',
    '/dev/sdc1': 'format:eligible',
    '/dev/sdd1': 'skip:notMounted',
    '/dev/sde1': 'skip:alreadyEncrypted',
    '/dev/sdh1': 'skip:bekVolume',
    '/dev/mapper/vg-lvdata': 'skip:lvmVolume',
    '/dev/sdf': 'format:raidOrLvmMember',
    '/dev/sdg': 'format:raidOrLvmMember',
  });
});

test('a root mount point is never formatted even when not flagged as on the OS disk', () => {
  const [d] = planEncryptFormatAll([{ device: '/dev/sdz1', kind: 'partition', mountPoint: '/boot/' }]);
  assert.equal(d.action, 'skip');
});

test('a RAID volume is skipped and its members are encrypted; members of an unmounted RAID are left alone', () => {
  const plan = planEncryptFormatAll([
    { device: '/dev/md0', kind: 'raid', mountPoint: '/raid', members: ['/dev/sdi', '/dev/sdj'] },
    { device: '/dev/sdi', kind: 'disk' }, { device: '/dev/sdj', kind: 'disk' },
    { device: '/dev/md1', kind: 'raid', members: ['/dev/sdk'] }, { device: '/dev/sdk', kind: 'disk' },
  ]);
  assert.deepEqual(plan.map((d) => d.action), ['skip', 'format', 'format', 'skip', 'skip']);
});

test('every reason and the explanation are user-facing English text', () => {
  for (const text of [...Object.values(FORMAT_ALL_REASONS), ...Object.values(FORMAT_ALL_EXPLANATION)]) {
    assert.ok(text.length > 20 && /\.$/.test(text), text);
  }
  assert.match(FORMAT_ALL_EXPLANATION.summary, /All data on those partitions is lost/);
  assert.match(FORMAT_ALL_EXPLANATION.dataOnly, /"Data"/);
});
