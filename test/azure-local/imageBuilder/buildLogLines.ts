// What the simulated build writes to customization.log at each step, shaped like the Packer output Image Builder
// keeps there: "PACKER OUT"/"PACKER ERR" prefixes, a "(telemetry) Starting provisioner" line before each
// customizer and the customizer's name, so the extension can map an error line back to `customize[i]`.
import type { ArmResource } from '../state/model.ts';

export interface SimulatedCustomizer {
  index: number;
  name: string;
  type: string;
  /** The commands the log echoes (inline lines, or the script/file it fetches). */
  commands: string[];
  /** The command that makes this customizer fail (`exit 1`, `false`, or the FAIL_BUILD marker), if any. */
  failingCommand?: string;
}

/** A command fails the simulated build when it exits non-zero on purpose: `exit N` (N > 0), `false`, or the marker. */
const FAILING_COMMAND = /(^|[;&|\s])(exit\s+[1-9]\d*|false)(\s|;|$)|FAIL_BUILD/;

export function customizersOf(template: ArmResource): SimulatedCustomizer[] {
  const list = Array.isArray(template.properties?.customize) ? (template.properties!.customize as Record<string, unknown>[]) : [];
  return list.map((c, index) => {
    const inline = Array.isArray(c.inline) ? c.inline.map(String) : [];
    const commands = inline.length ? inline : [String(c.scriptUri ?? c.sourceUri ?? c.type ?? '')].filter(Boolean);
    const failingCommand = inline.find((line) => FAILING_COMMAND.test(line));
    return { index, name: String(c.name ?? `${String(c.type ?? 'customizer').toLowerCase()}-${index + 1}`), type: String(c.type ?? 'Shell'), commands, ...(failingCommand ? { failingCommand } : {}) };
  });
}

const stamp = () => new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
const out = (text: string) => `PACKER OUT ${stamp()} ${text}`;
const err = (text: string) => `PACKER ERR ${stamp()} ${text}`;

export function queuedLines(template: ArmResource, runId: string): string[] {
  return [
    out(`Image Builder run ${runId} for image template '${template.name}' queued`),
    out(`Source: ${describeSource(template)}`),
  ];
}

export function buildingLines(template: ArmResource): string[] {
  const size = String(template.properties?.vmProfile?.vmSize ?? 'Standard_D2ds_v4');
  return [
    out('==> azure-arm: Running builder ...'),
    out(`==> azure-arm: Creating resource group, network and build VM (${size}) ...`),
    out('==> azure-arm: Waiting for SSH to become available...'),
    out('==> azure-arm: Connected to SSH!'),
  ];
}

export function customizerLines(c: SimulatedCustomizer): string[] {
  const lines = [
    out(`(telemetry) Starting provisioner ${c.type.toLowerCase()}`),
    out(`==> azure-arm: Running customizer '${c.name}' (${c.type}, customize[${c.index}])`),
  ];
  for (const command of c.commands) {
    lines.push(out(`    azure-arm: + ${command}`));
    if (command === c.failingCommand) {
      lines.push(err(`==> azure-arm: Customizer '${c.name}' failed: script exited with non-zero exit status: 1. Allowed exit codes are: [0]`));
      lines.push(err(`Build 'azure-arm' errored after 1 minute 12 seconds: Script exited with non-zero exit status: 1. Allowed exit codes are: [0]`));
      return lines;
    }
  }
  lines.push(out(`(telemetry) Finished provisioner ${c.type.toLowerCase()} '${c.name}'`));
  return lines;
}

export function phaseLines(phase: 'Optimizing' | 'Validating' | 'Distributing', template: ArmResource): string[] {
  if (phase === 'Optimizing') return [out('==> azure-arm: Deprovisioning the build VM (waagent -force -deprovision+user)'), out('==> azure-arm: Generalizing and capturing the OS disk ...')];
  if (phase === 'Validating') return [out('==> azure-arm: Validating the captured image ...')];
  const targets = Array.isArray(template.properties?.distribute) ? (template.properties!.distribute as Record<string, unknown>[]) : [];
  return targets.map((d) => out(`==> azure-arm: Distributing ${String(d.type)} '${String(d.runOutputName ?? '')}' ...`));
}

export function finishedLines(state: 'Succeeded' | 'Failed' | 'Canceled'): string[] {
  if (state === 'Canceled') return [err('==> azure-arm: Build was canceled by the user; cleaning up the build VM ...'), out('Build canceled.')];
  if (state === 'Failed') return [err('==> azure-arm: Build failed; cleaning up the build VM ...')];
  return [out("Build 'azure-arm' finished."), out('==> Builds finished. The artifacts of successful builds are distributed.')];
}

function describeSource(template: ArmResource): string {
  const s = (template.properties?.source ?? {}) as Record<string, unknown>;
  if (s.type === 'PlatformImage') return `${s.publisher}:${s.offer}:${s.sku}:${s.version ?? 'latest'}`;
  return String(s.imageId ?? s.imageVersionId ?? s.type ?? 'unknown');
}
