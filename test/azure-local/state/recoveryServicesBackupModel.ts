// What a fixture says about Azure Backup inside its Recovery Services vaults: extra policies (every vault also gets
// DefaultPolicy and EnhancedPolicy, as a new vault in Azure does) and VMs already protected.
import type { ArmResource } from './model.ts';

export interface ProtectedVmSeed {
  vaultId: string;
  vmId: string;
  policyName: string;
  /** A finished backup to show as the last one ("Completed" at this time). */
  lastBackupTime?: string;
}

export interface RecoveryServicesBackupSeed {
  /** Full ARM policy resources (their id names the vault). */
  policies?: ArmResource[];
  protectedVms?: ProtectedVmSeed[];
}
