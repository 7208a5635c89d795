// What building with this template costs beyond the image itself, as the article lists it (コスト): the build VM,
// disk and network while it runs; the staging resource group's storage account, which keeps the downloaded
// customization files until the template is deleted; network egress when images are replicated to other regions;
// and no Azure Hybrid Benefit for Windows Server. Shown before creating, so nobody is surprised by the bill.
import type { Translate } from '../l10n/Translate.ts';
import { asObject, type ImageTemplateBody } from './templateJson.ts';

const WINDOWS_PUBLISHERS = /^(microsoftwindowsserver|microsoftwindowsdesktop|microsoftvisualstudio|microsoftsqlserver)$/i;

export function describeBuildCosts(template: ImageTemplateBody, t: Translate): string[] {
  const p = template.properties ?? {};
  const location = String(template.location ?? '').toLowerCase();
  const lines = [
    t('The build VM, its disk and network are billed while a build runs, then removed.'),
    t('The staging resource group keeps the downloaded customization files in a storage account (a small storage cost) until the template is deleted: delete the template after building if you will not build again.'),
  ];
  const regions = new Set<string>();
  for (const target of Array.isArray(p.distribute) ? p.distribute : []) {
    const d = asObject(target) ?? {};
    for (const r of [...(Array.isArray(d.replicationRegions) ? d.replicationRegions : []), ...(Array.isArray(d.targetRegions) ? d.targetRegions.map((x) => asObject(x)?.name) : []), d.location]) {
      if (typeof r === 'string' && r && r.toLowerCase().replace(/\s/g, '') !== location) regions.add(r);
    }
  }
  if (regions.size > 0) lines.push(t('Distributing to {0} can add network egress charges.', [...regions].join(', ')));
  const source = asObject(p.source) ?? {};
  if (typeof source.publisher === 'string' && WINDOWS_PUBLISHERS.test(source.publisher)) {
    lines.push(t('Azure Hybrid Benefit for Windows Server does not apply to Image Builder builds.'));
  }
  return lines;
}
