// Every file Image Builder downloads (scripts, File sources, the workload optimization script) can carry a
// sha256Checksum. Without it a changed or tampered file is run as is, so a missing checksum is a warning; a file
// fetched over plain http is one too, since anyone on the path could change it.

import { isArmExpression } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding, type JsonPath, type RuleFinding } from '../finding.ts';
import { asObject, customizers, inVMValidators, templateProperties, type JsonObject } from '../templateAccess.ts';

const RULE = 'download-checksum';

interface Download {
  step: JsonObject;
  path: JsonPath;
  uriKey: 'scriptUri' | 'sourceUri';
}

export const downloadChecksumRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const downloads: Download[] = [];
    for (const { value, path } of [...customizers(resource), ...inVMValidators(resource)]) {
      if (typeof value.scriptUri === 'string') downloads.push({ step: value, path, uriKey: 'scriptUri' });
      if (typeof value.sourceUri === 'string') downloads.push({ step: value, path, uriKey: 'sourceUri' });
    }
    const workload = asObject(asObject(templateProperties(resource)?.optimize)?.workload);
    if (workload && typeof workload.scriptUri === 'string') {
      downloads.push({ step: workload, path: ['properties', 'optimize', 'workload'], uriKey: 'scriptUri' });
    }
    return downloads.flatMap(checkDownload);
  },
};

function checkDownload({ step, path, uriKey }: Download): RuleFinding[] {
  const uri = step[uriKey] as string;
  if (uri.trim() === '' || isArmExpression(uri)) return [];
  const findings: RuleFinding[] = [];
  const checksum = step.sha256Checksum;
  if (checksum === undefined || checksum === '') {
    findings.push(ruleFinding(RULE, 'warning', [...path, uriKey],
      localizable('Add "sha256Checksum" for this download so Image Builder refuses a file that has changed. Get it with: sha256sum <file>.')));
  }
  if (/^http:\/\//i.test(uri.trim())) {
    findings.push(ruleFinding(RULE, 'warning', [...path, uriKey],
      localizable('This file is downloaded over plain http, so it could be altered on the way. Use https.')));
  }
  return findings;
}
