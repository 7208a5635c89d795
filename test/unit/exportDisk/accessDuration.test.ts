import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateAccessSeconds, formatDuration, MAX_ACCESS_SECONDS, parseAccessSeconds } from '../../../src/core/exportDisk/accessDuration.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';

const GiB = 1024 ** 3;

test('the duration is sized to the transfer with margin, at least an hour, whole minutes, never past 60 days', () => {
  assert.equal(estimateAccessSeconds(2 * GiB), 3600, 'a small disk gets the portal\'s hour');
  // 127 GiB at 16 MiB/s = 8128 s; x2 + 900 = 17156 -> 17160 (whole minutes)
  assert.equal(estimateAccessSeconds(127 * GiB), 17_160);
  assert.equal(estimateAccessSeconds(127 * GiB, 64 * 1024 * 1024), 4980, 'a faster measured rate gives a shorter link');
  assert.equal(estimateAccessSeconds(64 * 1024 * GiB), MAX_ACCESS_SECONDS, 'a huge disk is capped at 5,184,000 s');
  assert.equal(estimateAccessSeconds(32 * 1024 * GiB) % 60, 0);
});

test('what the user types is accepted only from 1 to 5,184,000 whole seconds, with a message that says why', () => {
  assert.deepEqual(parseAccessSeconds(' 7200 ', t), { ok: true, seconds: 7200 });
  assert.deepEqual(parseAccessSeconds('5,184,000', t), { ok: true, seconds: 5_184_000 });
  assert.deepEqual(parseAccessSeconds('1', t), { ok: true, seconds: 1 });
  const over = parseAccessSeconds('5184001', t);
  assert.ok(!over.ok);
  assert.equal(over.message, 'Azure allows at most 5,184,000 seconds (60 days) of access to a disk or snapshot; 5,184,001 is more. Use a shorter duration.');
  const zero = parseAccessSeconds('0', t);
  assert.ok(!zero.ok && zero.message === 'The access duration must be at least 1 second.');
  const negative = parseAccessSeconds('-5', t);
  assert.ok(!negative.ok && /at least 1 second/.test(negative.message));
  const words = parseAccessSeconds('1h', t);
  assert.ok(!words.ok && words.message === '"1h" is not a whole number of seconds.');
  const decimal = parseAccessSeconds('1.5', t);
  assert.ok(!decimal.ok);
  assert.ok(!parseAccessSeconds('', t).ok);
});

test('durations read as the two largest units', () => {
  assert.equal(formatDuration(3600), '1 h');
  assert.equal(formatDuration(17_160), '4 h 46 min');
  assert.equal(formatDuration(5_184_000), '60 d');
  assert.equal(formatDuration(90_061), '1 d 1 h');
  assert.equal(formatDuration(45), '45 s');
  assert.equal(formatDuration(0), '0 s');
});
