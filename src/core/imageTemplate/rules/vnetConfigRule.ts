// Isolated builds: `containerInstanceSubnetId` needs `subnetId` on the same virtual network, and then no proxy VM is
// deployed, so `proxyVmSize` must not be set (API reference).

import { isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding, type RuleFinding } from '../finding.ts';
import { asObject, templateProperties } from '../templateAccess.ts';

const RULE = 'vnet-config';
const BASE = ['properties', 'vmProfile', 'vnetConfig'];

export const vnetConfigRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const vnet = asObject(asObject(templateProperties(resource)?.vmProfile)?.vnetConfig);
    if (!vnet || vnet.containerInstanceSubnetId === undefined) return [];
    const findings: RuleFinding[] = [];
    const at = [...BASE, 'containerInstanceSubnetId'];
    if (vnet.subnetId === undefined || vnet.subnetId === '') {
      findings.push(ruleFinding(RULE, 'error', at, localizable('"containerInstanceSubnetId" needs "subnetId" too (a subnet on the same virtual network).'), 'key'));
    } else if (isLiteralString(vnet.subnetId) && isLiteralString(vnet.containerInstanceSubnetId)) {
      const network = (id: string) => id.toLowerCase().replace(/\/subnets\/[^/]+$/, '');
      if (network(vnet.subnetId) !== network(vnet.containerInstanceSubnetId)) {
        findings.push(ruleFinding(RULE, 'error', at, localizable('"containerInstanceSubnetId" must be on the same virtual network as "subnetId".')));
      }
    }
    if (vnet.proxyVmSize !== undefined && vnet.proxyVmSize !== '') {
      findings.push(ruleFinding(RULE, 'error', [...BASE, 'proxyVmSize'], localizable(
        'Remove "proxyVmSize": with "containerInstanceSubnetId" no proxy VM is deployed.'), 'key'));
    }
    return findings;
  },
};
