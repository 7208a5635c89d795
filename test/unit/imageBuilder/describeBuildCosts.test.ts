import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeBuildCosts } from '../../../src/core/imageBuilder/describeBuildCosts.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';

const template = (source: Record<string, unknown>, distribute: unknown[]) => ({ location: 'japaneast', properties: { source, distribute } });

test('every template names the build VM and the staging storage cost, and says to delete the template after building', () => {
  const lines = describeBuildCosts(template({ type: 'PlatformImage', publisher: 'Canonical' }, [{ type: 'ManagedImage', location: 'japaneast' }]), t);
  assert.equal(lines.length, 2);
  assert.match(lines[1], /staging resource group keeps the downloaded customization files .* small storage cost.*delete the template after building/);
});

test('replication to other regions warns of egress; a Windows source says there is no Azure Hybrid Benefit', () => {
  const lines = describeBuildCosts(template({ type: 'PlatformImage', publisher: 'MicrosoftWindowsServer' }, [
    { type: 'SharedImage', targetRegions: [{ name: 'japaneast' }, { name: 'westeurope' }] },
    { type: 'SharedImage', replicationRegions: ['eastus'] },
  ]), t);
  assert.ok(lines.includes('Distributing to westeurope, eastus can add network egress charges.'), lines.join('\n'));
  assert.ok(lines.includes('Azure Hybrid Benefit for Windows Server does not apply to Image Builder builds.'));
});
