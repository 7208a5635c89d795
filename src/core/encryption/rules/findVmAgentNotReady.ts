import { finding, type Finding } from '../finding.ts';
import type { EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Extensions are delivered by the Azure Linux agent; without a ready agent the ADE extension never starts and the
// operation ends in a provisioning timeout.
export const VM_AGENT_NOT_READY_RULE = 'ade.vm-agent-not-ready';

export const VM_AGENT_NOT_READY_MESSAGES = {
  message: localizable('The Azure Linux agent in the VM is not reported as ready ({agentStatus}).'),
  why: localizable('The Azure Disk Encryption extension is installed and run by the Azure Linux agent (waagent).'),
  fix: localizable('Check that the walinuxagent service runs in the VM and can reach Azure, then run the check again.'),
} as const;

export function findVmAgentNotReady(context: EncryptionPreflightContext): Finding[] {
  const view = context.vm.instanceView;
  if (!view) return []; // findVmNotRunning already reports the missing instance view.
  const status = view.vmAgent?.statuses?.[0];
  const ready = (status?.code ?? '').toLowerCase() === 'provisioningstate/succeeded'
    && (status?.displayStatus === undefined || status.displayStatus.toLowerCase() === 'ready');
  if (ready) return [];
  return [finding(VM_AGENT_NOT_READY_RULE, 'warning', VM_AGENT_NOT_READY_MESSAGES, {
    path: 'vm.instanceView.vmAgent.statuses',
    params: { agentStatus: status?.displayStatus ?? status?.code ?? 'no status' },
  })];
}
