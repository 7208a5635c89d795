// The run outputs a successful build leaves, one per distribute target, shaped like ListRunOutputs.json:
// a managed image's id, a gallery image version's id, or a VHD's blob URI.
import type { ArmResource } from '../state/model.ts';

export interface RunOutputResource {
  id: string;
  name: string;
  type: 'Microsoft.VirtualMachineImages/imageTemplates/runOutputs';
  properties: { artifactId?: string; artifactUri?: string; provisioningState: 'Succeeded' };
}

export function runOutputsFor(template: ArmResource, blobEndpoint: string, now = new Date()): RunOutputResource[] {
  const targets = Array.isArray(template.properties?.distribute) ? (template.properties!.distribute as Record<string, unknown>[]) : [];
  return targets.map((target, index) => {
    const name = String(target.runOutputName ?? `output-${index + 1}`);
    const properties: RunOutputResource['properties'] = { provisioningState: 'Succeeded' };
    if (target.type === 'ManagedImage') properties.artifactId = String(target.imageId);
    else if (target.type === 'SharedImage') properties.artifactId = galleryVersionId(String(target.galleryImageId), now);
    else properties.artifactUri = `${blobEndpoint}/vhds/${template.name}_${now.getTime()}.vhd`;
    return { id: `${template.id}/runOutputs/${name}`, name, type: 'Microsoft.VirtualMachineImages/imageTemplates/runOutputs', properties };
  });
}

/** A gallery image id gets a version named from the build time unless it already names one. */
function galleryVersionId(galleryImageId: string, now: Date): string {
  if (/\/versions\/[^/]+$/i.test(galleryImageId)) return galleryImageId;
  const date = now.toISOString().slice(0, 10).replace(/-/g, '');
  const time = now.toISOString().slice(11, 19).replace(/:/g, '');
  return `${galleryImageId}/versions/0.${date}.${Number(time)}`;
}
