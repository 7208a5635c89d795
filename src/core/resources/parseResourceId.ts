/** The parts of an ARM resource id the extension needs. */
export interface ResourceIdParts {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly provider: string;
  /** `virtualMachines`, `disks`, … (the last type segment). */
  readonly type: string;
  readonly name: string;
}

const ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/(.+)$/i;

/** Parses `/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{child}/{name}…]`. */
export function parseResourceId(id: string): ResourceIdParts | undefined {
  const match = ID.exec(id.trim());
  if (!match) return undefined;
  const segments = match[4].split('/').filter(Boolean);
  if (segments.length < 2 || segments.length % 2 !== 0) return undefined;
  return {
    subscriptionId: match[1],
    resourceGroup: match[2],
    provider: match[3],
    type: segments[segments.length - 2],
    name: segments[segments.length - 1],
  };
}

/** ARM ids are case-insensitive; disks referenced from a VM often differ in case from the disk's own id. */
export function sameResourceId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
