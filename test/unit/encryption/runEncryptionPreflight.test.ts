import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFinding } from '../../../src/core/encryption/finding.ts';
import { ENCRYPTION_PREFLIGHT_RULES, runEncryptionPreflight } from '../../../src/core/encryption/runEncryptionPreflight.ts';
import { ADE_RETIREMENT_NOTICE, daysUntilAdeRetirement } from '../../../src/core/encryption/retirementNotice.ts';
import { errorsOf, healthyContext, runningVm, withStorage } from './fixtures.ts';

test('a healthy VM is not blocked; it still gets the informational findings', () => {
  const result = runEncryptionPreflight(healthyContext());
  assert.equal(result.blocking, false, JSON.stringify(errorsOf(result.findings)));
  assert.ok(result.findings.length > 0);
  assert.ok(result.findings.every((f) => f.severity !== 'error'));
});

test('findings are sorted errors, warnings, info, and any error blocks', () => {
  const vm = { ...withStorage({ diskControllerType: 'NVMe' }), hardwareProfile: { vmSize: 'Standard_L8s_v3' } };
  const result = runEncryptionPreflight(healthyContext({ vm, request: { operation: 'Enable', volumeType: 'All' } }));
  assert.equal(result.blocking, true);
  const order = result.findings.map((f) => f.severity);
  const rank = { error: 0, warning: 1, info: 2 } as const;
  assert.deepEqual(order, [...order].sort((a, b) => rank[a] - rank[b]));
  assert.ok(result.findings.some((f) => f.rule === 'ade.nvme-disk-controller'));
  assert.ok(result.findings.some((f) => f.rule === 'ade.local-nvme-size'));
});

test('the retirement notice comes once, apart from the findings', () => {
  const result = runEncryptionPreflight(healthyContext());
  assert.equal(result.retirementNotice, ADE_RETIREMENT_NOTICE);
  assert.ok(!result.findings.some((f) => f.rule === 'ade.retirement-notice'));
  assert.match(ADE_RETIREMENT_NOTICE.message, /15 September 2028/);
  assert.match(ADE_RETIREMENT_NOTICE.why!, /encryption at host/i);
  assert.equal(daysUntilAdeRetirement(new Date('2028-09-14T23:00:00Z')), 1);
  assert.equal(daysUntilAdeRetirement(new Date('2028-09-16T00:00:00Z')), -1);
});

test('every rule has a stable ade.* id, and every finding says why and (for problems) what to do', () => {
  const broken = healthyContext({
    vm: { ...runningVm(), securityProfile: { encryptionAtHost: true }, hardwareProfile: { vmSize: 'Basic_A1' } },
    vault: { ...healthyContext().vault!, location: 'westus', properties: { enabledForDiskEncryption: false } },
    request: { operation: 'EnableFormatAll', volumeType: 'All', keyEncryptionKeyUrl: 'https://kv-ade.vault.azure.net/keys/k' },
    recoveryPoints: undefined,
    vmMemoryGb: 1,
  });
  const { findings } = runEncryptionPreflight(broken);
  assert.ok(findings.length >= 10);
  for (const f of findings) {
    assert.match(f.rule, /^ade\.[a-z0-9-]+$/);
    assert.ok(f.why, `${f.rule} has no why`);
    if (f.severity === 'error') assert.ok(f.fix, `${f.rule} has no fix`);
    assert.doesNotMatch(renderFinding(f).message, /\{\w+\}/, `${f.rule} left a placeholder`);
  }
  assert.equal(ENCRYPTION_PREFLIGHT_RULES.length, new Set(ENCRYPTION_PREFLIGHT_RULES).size);
});

test('disabling runs only the checks that matter for disable', () => {
  const { findings } = runEncryptionPreflight(healthyContext({ vault: undefined, recoveryPoints: undefined, request: { operation: 'Disable' } }));
  const rules = new Set(findings.map((f) => f.rule));
  assert.ok(rules.has('ade.disable-not-supported')); // no status read yet
  assert.ok(!rules.has('ade.vault-missing'));
  assert.ok(!rules.has('ade.backup-required'));
});
