// Compile-time proof, checked by `npm run typecheck` (not a test file: nothing runs), that the SDK objects the
// adapters read can be passed to the core as they are. Only types are imported from @azure/*.

import type { Vault } from '@azure/arm-keyvault';
import type { RoleAssignment, RoleDefinition } from '@azure/arm-authorization';
import type { Disk, VirtualMachine } from '@azure/arm-compute';
import type { KeyVaultLike, RoleAssignmentLike, RoleDefinitionLike } from '../../../src/core/backupAccess/backupAccessTypes.ts';
import type { EncryptedDiskLike, VmWithEncryptionLike } from '../../../src/core/backupAccess/encryptionSourceTypes.ts';

type Accepts<Target, Source extends Target> = Source;

// The SDK marks `id` optional on every resource; the planner needs it, so adapters narrow it once.
export type VaultFits = Accepts<KeyVaultLike, Vault & { id: string }>;
export type RoleAssignmentFits = Accepts<RoleAssignmentLike, RoleAssignment>;
export type RoleDefinitionFits = Accepts<RoleDefinitionLike, RoleDefinition>;
export type DiskFits = Accepts<EncryptedDiskLike, Disk>;
export type VirtualMachineFits = Accepts<VmWithEncryptionLike, VirtualMachine>;

