import type { AdeEncryptionStatus } from '../../core/encryption/parseEncryptionStatus.ts';
import type { Translate } from '../../core/l10n/Translate.ts';
import { describePhase, describeVolumeState } from '../../core/resources/presentEncryptionState.ts';
import { translateStatusText } from './translateCoreText.ts';

// "Show Encryption Status": the full picture `az vm encryption show` gives, plus what to do next, as Markdown.

export type StatusReportInput = {
  readonly vmName: string;
  readonly status: AdeEncryptionStatus;
  readonly readAt: Date;
};

export function renderEncryptionStatusReport(input: StatusReportInput, t: Translate): string {
  const { status } = input;
  const ext = status.extension;
  const yes = t('Yes');
  const no = t('No');
  const lines = [
    `# ${t('Encryption status: {0}', input.vmName)}`,
    '',
    `${t('Read from the VM instance view at {0}.', input.readAt.toISOString())}`,
    '',
    `**${describePhase(status.phase, t)}** — ${translateStatusText(t, status.next.message, status.next.params)}`,
    '',
    `## ${t('Volumes')}`,
    '',
    `| ${t('Volume')} | ${t('State')} |`,
    '| --- | --- |',
    `| ${t('OS volume')} | ${describeVolumeState(status.os, t)} |`,
    `| ${t('Data volumes')} | ${describeVolumeState(status.data, t)} |`,
    '',
    `## ${t('Disks')}`,
    '',
  ];
  if (status.disks.length === 0) {
    lines.push(t('The instance view lists no disks (is the VM running?).'), '');
  } else {
    lines.push(`| ${t('Disk')} | ${t('Role')} | ${t('Encrypted (platform)')} | ${t('Volume state (extension)')} | ${t('Key encryption key')} |`, '| --- | --- | --- | --- | --- |');
    for (const d of status.disks) {
      const role = d.role === 'os' ? t('OS disk') : d.role === 'data' ? t('Data disk (LUN {0})', d.lun ?? '?') : '—';
      const platform = d.diskState === 'encrypted' ? yes : d.diskState === 'notEncrypted' ? no : '—';
      lines.push(`| ${d.name} | ${role} | ${platform} | ${describeVolumeState(d.volumeState, t)} | ${d.keyEncryptionKeyUrl ? `\`${d.keyEncryptionKeyUrl}\`` : '—'} |`);
    }
    lines.push('');
  }
  lines.push(
    `## ${t('Azure Disk Encryption extension')}`,
    '',
    `- ${t('Installed: {0}', ext.present ? yes : no)}`,
    ...(ext.typeHandlerVersion ? [`- ${t('Version: {0}', ext.typeHandlerVersion)}`] : []),
    `- ${t('Provisioning: {0}', ext.provisioning)}`,
    ...(ext.lastOperation ? [`- ${t('Last operation: {0}', ext.lastOperation)}`] : []),
    ...(ext.lastVolumeType ? [`- ${t('Last volume type: {0}', ext.lastVolumeType)}`] : []),
    ...(ext.progressMessage ? [`- ${t('Message: {0}', ext.progressMessage)}`] : []),
    '',
  );
  if (status.next.avoidSshLogins) {
    lines.push(`> ${t('Avoid SSH logins while the OS volume is being encrypted: open files can block the process.')}`, '');
  }
  return lines.join('\n');
}
