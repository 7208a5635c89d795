import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renewalLeadMs, shouldRenewLinkEarly } from '../../../src/core/download/renewLinkEarly.ts';
import { runPageBlobDownload } from '../../../src/core/download/runPageBlobDownload.ts';
import type { AccessWindow } from '../../../src/core/download/renewLinkEarly.ts';
import { fakePageBlobSource, makeFakeVhd } from './fakePageBlobSource.ts';

const MiB = 1024 * 1024;
const hour = { grantedAtMs: 0, expiresAtMs: 3_600_000 };

test('the link is renewed in its last minute only when the rest of the transfer would outlast it', () => {
  assert.equal(renewalLeadMs(hour), 60_000);
  assert.equal(renewalLeadMs({ grantedAtMs: 0, expiresAtMs: 4000 }), 2000, 'half of a short link');
  // 10 min left: too early to tell, even if slow.
  assert.equal(shouldRenewLinkEarly({ nowMs: 3_000_000, window: hour, bytesRemaining: 10 * 1024 * MiB, bytesPerSecond: MiB }), false);
  // 30 s left, 100 MiB to go at 1 MiB/s: renew.
  assert.equal(shouldRenewLinkEarly({ nowMs: 3_570_000, window: hour, bytesRemaining: 100 * MiB, bytesPerSecond: MiB }), true);
  // 30 s left, 10 MiB to go at 1 MiB/s: it will finish in time.
  assert.equal(shouldRenewLinkEarly({ nowMs: 3_570_000, window: hour, bytesRemaining: 10 * MiB, bytesPerSecond: MiB }), false);
  // Nothing measured yet and the link is ending: renew.
  assert.equal(shouldRenewLinkEarly({ nowMs: 3_570_000, window: hour, bytesRemaining: MiB, bytesPerSecond: 0 }), true);
  assert.equal(shouldRenewLinkEarly({ nowMs: 3_570_000, window: hour, bytesRemaining: 0, bytesPerSecond: 0 }), false);
});

test('the engine asks the source for a new link before a short one runs out, once per link', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'renew-unit-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const blob = makeFakeVhd(16 * MiB, [{ offset: 0, count: 8 * MiB }]);
  let window: AccessWindow = { grantedAtMs: Date.now(), expiresAtMs: Date.now() + 2500 };
  let renewals = 0;
  const { source } = fakePageBlobSource(blob, { onRange: () => undefined });
  const slow = {
    ...source,
    // 32 requests of 256 KiB, ~120 ms each: ~4 s, longer than the 2.5 s link.
    readRange: async (...args: Parameters<typeof source.readRange>) => {
      await new Promise((r) => setTimeout(r, 120));
      return source.readRange(...args);
    },
    renewAccess: async () => {
      renewals++;
      window = { grantedAtMs: Date.now(), expiresAtMs: Date.now() + 60_000 };
    },
  };
  await runPageBlobDownload({
    source: slow, destinationPath: join(dir, 'd.vhd'), plan: { targetRequestBytes: 256 * 1024, mergeGapBytes: 0 },
    concurrency: { initial: 1, max: 1 }, accessWindow: () => window,
  });
  assert.equal(renewals, 1, 'renewed once, before the first link ended; the new one lasted');
});
