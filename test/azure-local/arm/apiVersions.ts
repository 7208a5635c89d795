// The api-versions the SDKs installed in package.json send (grep `apiVersion` in node_modules/@azure/<sdk>/dist).
// A route accepts exactly these, so a call that works against the stand-in is one Azure accepts too.
export const apiVersions = {
  /** @azure/arm-resources-subscriptions 2.1.1: subscriptions, tenants. */
  subscriptions: ['2022-12-01'],
  /** @azure/arm-resources 6.1.0: resource groups, providers. */
  resources: ['2025-03-01'],
  /** @azure/arm-compute 25.1.1: virtual machines and extensions. */
  computeVirtualMachines: ['2026-04-01'],
  /** @azure/arm-compute 25.1.1: resource SKUs (Microsoft.Compute/skus). */
  computeSkus: ['2021-07-01'],
  /** @azure/arm-compute 25.1.1: disks and snapshots (DiskRP). */
  computeDisks: ['2026-03-02'],
  /** @azure/arm-keyvault 5.0.0. */
  keyVault: ['2026-02-01'],
  /** @azure/arm-imagebuilder 5.0.0. */
  imageBuilder: ['2025-10-01'],
  /** @azure/arm-recoveryservices 6.0.0: Recovery Services vaults. */
  recoveryServices: ['2024-04-01'],
  /** @azure/arm-recoveryservicesbackup 12.0.0: policies, protection, backups, jobs. */
  recoveryServicesBackup: ['2023-06-01'],
  /** @azure/arm-policy 7.0.1: policy assignments and policy set definitions (initiatives). */
  policy: ['2025-03-01'],
  /** @azure/arm-authorization 9.0.0: role assignments and role definitions. */
  authorization: ['2022-04-01'],
} as const;
