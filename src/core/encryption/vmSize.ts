// Reads what a size name says about the hardware. Size names follow
// `<Tier>_<Family><vCPUs><features>[_<accelerator>][_v<version>]`, e.g. Standard_D4s_v5, Basic_A1, Standard_M128ms,
// Standard_L8s_v3, Standard_HB120rs_v3, Standard_NC24ads_A100_v4.

export type VmSizeInfo = {
  readonly raw: string;
  /** `Basic` or `Standard` (as written, other values are kept). */
  readonly tier: string;
  /** Upper-case family letters before the vCPU count: 'D', 'DC', 'M', 'L', 'HB', 'A', … */
  readonly family: string;
  /** The `_vN` generation; undefined for first-generation sizes that carry no suffix. */
  readonly version?: number;
};

export function parseVmSize(vmSize: string | undefined): VmSizeInfo | undefined {
  if (!vmSize) return undefined;
  const m = /^([A-Za-z]+)_([A-Za-z]+)\d*[^_]*(?:_.*)?$/.exec(vmSize);
  if (!m) return undefined;
  const v = /_v(\d+)$/i.exec(vmSize);
  return {
    raw: vmSize,
    tier: m[1],
    family: m[2].replace(/[a-z]+$/, '').toUpperCase() || m[2].toUpperCase(),
    ...(v ? { version: Number(v[1]) } : {}),
  };
}
