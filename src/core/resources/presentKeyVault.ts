import type { Translate } from '../l10n/Translate.ts';
import type { Presentation } from './Presentation.ts';
import type { KeyVaultModel } from './models.ts';

export function presentKeyVault(vault: KeyVaultModel, t: Translate): Presentation {
  const p = vault.properties ?? {};
  const rbac = p.enableRbacAuthorization === true;
  const model = rbac ? t('Azure RBAC') : t('Access policies');
  const ade = p.enabledForDiskEncryption === true;
  return {
    label: vault.name ?? '',
    description: [model, ade ? t('Disk encryption enabled') : t('Disk encryption not enabled')].join(' · '),
    tooltip: [
      t('Key vault {0}', vault.name ?? ''),
      t('Permission model: {0}', model),
      t('Enabled for disk encryption: {0}', ade ? t('yes') : t('no')),
      t('Soft delete: {0}', p.enableSoftDelete === false ? t('off') : t('on')),
      t('Purge protection: {0}', p.enablePurgeProtection ? t('on') : t('off')),
      t('SKU: {0}', p.sku?.name ?? '—'),
      t('Location: {0}', vault.location ?? '—'),
    ],
    icon: ade ? { id: 'key', color: 'testing.iconPassed' } : { id: 'key' },
    contextValue: ['azureResource', 'keyVault', rbac ? 'rbac' : 'accessPolicies', ade ? 'enabledForDiskEncryption' : ''].filter(Boolean).join(' '),
  };
}
