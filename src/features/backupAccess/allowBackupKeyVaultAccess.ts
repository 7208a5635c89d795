import type { Services } from '../../services.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';
import { ensureBackupAccessForVault, ensureBackupKeyVaultAccess } from './ensureBackupKeyVaultAccess.ts';

/** "Allow Azure Backup to Read Encryption Keys…" from a VM node, a key vault node, or the palette (asks for a VM). */
export async function allowBackupKeyVaultAccess(s: Services, node?: ResourceNode): Promise<void> {
  const picked = await pickResource(s.accounts, s.inventories, node, node ? ['virtualMachine', 'keyVault'] : ['virtualMachine']);
  if (picked.kind === 'keyVault') await ensureBackupAccessForVault(s, picked.session, picked.resource.id);
  else await ensureBackupKeyVaultAccess(s, picked);
}
