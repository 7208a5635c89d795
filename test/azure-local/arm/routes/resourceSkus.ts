// Microsoft.Compute/skus (@azure/arm-compute 25.1.1 resourceSkus.list, api-version 2021-07-01): the VM sizes with
// their capabilities, as ARM lists them; `$filter=location eq '<region>'` is the only filter the API supports.
// The ADE pre-flight reads MemoryGB from here. Every size is offered in every region the stand-in knows.
import { ArmError } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../route.ts';

const REGIONS = ['japaneast', 'japanwest', 'eastus', 'westus2', 'westeurope'];

/** [name, family, vCPUs, MemoryGB] of the sizes the fixtures use, plus small ones the memory rule refuses. */
const SIZES: ReadonlyArray<readonly [string, string, number, number]> = [
  ['Standard_B1s', 'standardBSFamily', 1, 1],
  ['Standard_B1ms', 'standardBSFamily', 1, 2],
  ['Standard_B2s', 'standardBSFamily', 2, 4],
  ['Standard_B2ms', 'standardBSFamily', 2, 8],
  ['Standard_A1_v2', 'standardAv2Family', 1, 2],
  ['Standard_DS1_v2', 'standardDSv2Family', 1, 3.5],
  ['Standard_D2s_v5', 'standardDSv5Family', 2, 8],
  ['Standard_D4s_v5', 'standardDSv5Family', 4, 16],
  ['Standard_E4s_v5', 'standardESv5Family', 4, 32],
  ['Standard_L8s_v3', 'standardLSv3Family', 8, 64],
];

function skuJson(name: string, family: string, vcpus: number, memoryGb: number, location: string) {
  return {
    resourceType: 'virtualMachines',
    name,
    tier: 'Standard',
    size: name.replace(/^Standard_/, ''),
    family,
    locations: [location],
    locationInfo: [{ location, zones: ['1', '2', '3'], zoneDetails: [] }],
    capabilities: [
      { name: 'vCPUs', value: String(vcpus) },
      { name: 'MemoryGB', value: String(memoryGb) },
      { name: 'HyperVGenerations', value: 'V1,V2' },
      { name: 'PremiumIO', value: name.includes('s') ? 'True' : 'False' },
    ],
    restrictions: [],
  };
}

function list(ctx: RouteContext): RouteResult {
  const filter = (ctx.query.get('$filter') ?? '').trim();
  let regions = REGIONS;
  if (filter) {
    const m = /^location\s+eq\s+'([^']+)'$/i.exec(filter);
    if (!m) throw new ArmError(400, 'InvalidFilter', `The filter '${filter}' is not supported. Only 'location eq' is supported.`);
    regions = REGIONS.filter((r) => r === m[1].toLowerCase());
  }
  // ARM returns the whole list at once (no nextLink) for this API.
  return ok({ value: regions.flatMap((region) => SIZES.map(([name, family, vcpus, memory]) => skuJson(name, family, vcpus, memory, region))) });
}

export const resourceSkuRoutes: Route[] = [
  {
    name: 'resourceSkus.list',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/skus',
    apiVersions: apiVersions.computeSkus,
    resourceType: 'Microsoft.Compute/skus',
    handler: list,
  },
];
