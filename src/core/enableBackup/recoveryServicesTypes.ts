// Structural subsets of what @azure/arm-recoveryservices 6 and @azure/arm-recoveryservicesbackup 12 return, so the
// adapters pass SDK objects straight in and core code never imports the SDKs. Dates may arrive as Date (SDK) or
// ISO strings (tests, JSON).

export interface RecoveryVaultLike {
  readonly id?: string;
  readonly name?: string;
  readonly location?: string;
  readonly properties?: { readonly provisioningState?: string };
}

export interface BackupScheduleLike {
  readonly schedulePolicyType?: string;
  readonly scheduleRunFrequency?: string;
  readonly scheduleRunTimes?: ReadonlyArray<Date | string>;
  readonly scheduleRunDays?: readonly string[];
  /** SimpleSchedulePolicyV2 (Enhanced policy) keeps its times here instead. */
  readonly dailySchedule?: { readonly scheduleRunTimes?: ReadonlyArray<Date | string> };
  readonly weeklySchedule?: { readonly scheduleRunDays?: readonly string[]; readonly scheduleRunTimes?: ReadonlyArray<Date | string> };
  readonly hourlySchedule?: { readonly interval?: number; readonly scheduleWindowStartTime?: Date | string; readonly scheduleWindowDuration?: number };
}

export interface RetentionDurationLike {
  readonly count?: number;
  readonly durationType?: string;
}

export interface BackupRetentionLike {
  readonly retentionPolicyType?: string;
  readonly dailySchedule?: { readonly retentionDuration?: RetentionDurationLike };
  readonly weeklySchedule?: { readonly retentionDuration?: RetentionDurationLike };
  readonly retentionDuration?: RetentionDurationLike;
}

export interface BackupPolicyLike {
  readonly id?: string;
  readonly name?: string;
  readonly properties?: {
    readonly backupManagementType?: string;
    /** 'V1' Standard, 'V2' Enhanced. Absent on old Standard policies. */
    readonly policyType?: string;
    readonly schedulePolicy?: BackupScheduleLike;
    readonly retentionPolicy?: BackupRetentionLike;
    readonly timeZone?: string;
    readonly protectedItemsCount?: number;
  };
}

export interface BackupJobErrorLike {
  readonly errorCode?: number | string;
  readonly errorTitle?: string;
  readonly errorString?: string;
  readonly recommendations?: readonly string[];
}

export interface BackupJobLike {
  readonly name?: string;
  readonly properties?: {
    readonly jobType?: string;
    readonly operation?: string;
    readonly status?: string;
    readonly entityFriendlyName?: string;
    readonly startTime?: Date | string;
    readonly endTime?: Date | string;
    /** A .NET TimeSpan ("00:03:42.1234567") or ISO 8601 ("PT3M42S"). */
    readonly duration?: string;
    readonly errorDetails?: readonly BackupJobErrorLike[];
    readonly extendedInfo?: { readonly progressPercentage?: number; readonly dynamicErrorMessage?: string };
  };
}

/** What the flows need to know about the VM being protected. */
export interface VmForBackup {
  readonly id: string;
  readonly name?: string;
  readonly location?: string;
  readonly securityProfile?: { readonly securityType?: string };
}

/** Where a VM is protected: enough to trigger a backup and to show it in the tree. */
export interface VmBackupProtection {
  readonly vaultId: string;
  readonly vaultName: string;
  readonly vaultResourceGroup: string;
  readonly containerName: string;
  readonly protectedItemName: string;
  readonly policyName?: string;
  readonly lastBackupStatus?: string;
  readonly lastBackupTime?: Date | string;
}
