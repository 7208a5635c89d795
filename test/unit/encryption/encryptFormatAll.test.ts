import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMAT_ALL_EXPLANATION, FORMAT_ALL_REASONS, formatAllConfirmationText } from '../../../src/core/encryption/encryptFormatAll.ts';

test('the confirmation says data is lost, then what happens to each kind of partition (the article\'s criteria)', () => {
  const text = formatAllConfirmationText();
  assert.match(text.paragraphs[0], /All data on those partitions is lost/);
  assert.equal(text.paragraphs[1], FORMAT_ALL_EXPLANATION.perPartition);
  assert.deepEqual(text.bullets, Object.values(FORMAT_ALL_REASONS));
  // Formatted kinds first, so the loss is read before the exclusions.
  assert.deepEqual(text.bullets.slice(0, 3).map((b) => /formatted|encrypts the disks/.test(b)), [true, true, true]);
  assert.ok(text.bullets.some((b) => /^Temporary disk: it will be formatted and encrypted/.test(b)));
  assert.ok(text.bullets.some((b) => /^Not mounted: excluded/.test(b)));
  // Each criterion of the article has its bullet: root/OS/boot, already encrypted, BEK, RAID, LVM, mounted.
  for (const kind of [/^Root, OS or boot partition/, /^Already encrypted/, /^BEK volume/, /^RAID volume/, /^LVM volume/, /^Not mounted/]) {
    assert.ok(text.bullets.some((b) => kind.test(b)), String(kind));
  }
  assert.deepEqual(text.closing, [FORMAT_ALL_EXPLANATION.exclude, FORMAT_ALL_EXPLANATION.fstab, FORMAT_ALL_EXPLANATION.testFirst]);
});

test('every reason and the explanation are user-facing English text', () => {
  for (const text of [...Object.values(FORMAT_ALL_REASONS), ...Object.values(FORMAT_ALL_EXPLANATION)]) {
    assert.ok(text.length > 20 && /[.:]$/.test(text), text);
  }
  assert.match(FORMAT_ALL_EXPLANATION.dataOnly, /"Data"/);
});
