// Where a gallery image version is replicated: `targetRegions` (current) or the deprecated `replicationRegions`,
// never both, and `storageAccountType` only beside `replicationRegions` (API rules). Region names must be ARM
// location names ("westus2"); a region listed twice is a mistake.

import { isArmExpression, isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding, type JsonPath, type RuleFinding } from '../finding.ts';
import { hasPlaceholder } from '../placeholders.ts';
import { normalizeRegionName } from '../serviceRegions.ts';
import { asObject, distributors, kindOf } from '../templateAccess.ts';

const RULE = 'replication-regions';
const REGION_NAME = /^[a-z][a-z0-9]*$/;

export const replicationRegionsRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const findings: RuleFinding[] = [];
    for (const { value, path } of distributors(resource)) {
      if (kindOf(value) !== 'SharedImage') continue;
      const hasTarget = value.targetRegions != null;
      const hasReplication = value.replicationRegions != null;
      if (hasTarget && hasReplication) {
        findings.push(ruleFinding(RULE, 'error', [...path, 'replicationRegions'], localizable(
          'Use "targetRegions" or "replicationRegions", not both. "replicationRegions" is deprecated: move its regions to "targetRegions".'), 'key'));
      } else if (hasReplication) {
        findings.push(ruleFinding(RULE, 'info', [...path, 'replicationRegions'], localizable(
          '"replicationRegions" is deprecated. Use "targetRegions": [{ "name": "<region>", "replicaCount": 1 }] instead.'), 'key'));
      }
      if (value.storageAccountType !== undefined && !hasReplication) {
        findings.push(ruleFinding(RULE, 'error', [...path, 'storageAccountType'], localizable(
          '"storageAccountType" here is only allowed with "replicationRegions". With "targetRegions", set "storageAccountType" on each region.'), 'key'));
      }
      findings.push(...checkRegionNames(regionNames(value.targetRegions, value.replicationRegions, path)));
    }
    return findings;
  },
};

function regionNames(targetRegions: unknown, replicationRegions: unknown, path: JsonPath): { name: string; path: JsonPath }[] {
  const names: { name: string; path: JsonPath }[] = [];
  if (Array.isArray(targetRegions)) {
    targetRegions.forEach((region, index) => {
      const name = asObject(region)?.name;
      if (typeof name === 'string') names.push({ name, path: [...path, 'targetRegions', index, 'name'] });
    });
  }
  if (Array.isArray(replicationRegions)) {
    replicationRegions.forEach((name, index) => {
      if (typeof name === 'string') names.push({ name, path: [...path, 'replicationRegions', index] });
    });
  }
  return names;
}

function checkRegionNames(names: { name: string; path: JsonPath }[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const { name, path } of names) {
    if (isArmExpression(name) || !isLiteralString(name) || hasPlaceholder(name)) continue;
    const normalized = normalizeRegionName(name);
    if (name.trim() === '' || !REGION_NAME.test(normalized)) {
      findings.push(ruleFinding(RULE, 'error', path, localizable('"{0}" is not a region name. Use the ARM location name, e.g. "westus2".', name)));
      continue;
    }
    if (name !== normalized) {
      findings.push(ruleFinding(RULE, 'warning', path, localizable('Write the region as its location name "{0}".', normalized)));
    }
    if (seen.has(normalized)) {
      findings.push(ruleFinding(RULE, 'warning', path, localizable('Region "{0}" is listed twice.', normalized)));
    }
    seen.add(normalized);
  }
  return findings;
}
