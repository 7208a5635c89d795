// EncryptFormatAll erases the data on the partitions it formats, so the user types the VM's name to go on (as the
// portal does for deletions). Exact match after trimming: VM names are case-insensitive in Azure, but asking for
// the exact spelling makes the user read it.
export function typedVmNameConfirms(typed: string | undefined, vmName: string): boolean {
  return typeof typed === 'string' && typed.trim() === vmName && vmName.length > 0;
}
