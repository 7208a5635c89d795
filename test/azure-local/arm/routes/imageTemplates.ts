// Microsoft.VirtualMachineImages/imageTemplates (@azure/arm-imagebuilder 5.0.0, api-version 2025-10-01):
// list, listByResourceGroup, get here; create/update/delete/run/cancel/runOutputs and the operation status in
// ../../imageBuilder/imageTemplateWriteRoutes.ts, beside the build simulator they drive.
import { apiVersions } from '../apiVersions.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route } from '../route.ts';
import { imageTemplateWriteRoutes } from '../../imageBuilder/imageTemplateWriteRoutes.ts';
import { templateReferenceRoutes } from '../../imageBuilder/templateReferenceRoutes.ts';
import { requireResource, snapshotOf } from './lookup.ts';

const TYPE = 'Microsoft.VirtualMachineImages/imageTemplates';
const common = { apiVersions: apiVersions.imageBuilder, resourceType: TYPE } as const;

export const imageTemplateRoutes: Route[] = [
  {
    name: 'imageTemplates.list',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.VirtualMachineImages/imageTemplates',
    ...common,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('imageTemplates', ctx.params.subscriptionId).map((r) => snapshotOf(r.resource)))),
  },
  {
    name: 'imageTemplates.listByResourceGroup',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.VirtualMachineImages/imageTemplates',
    ...common,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('imageTemplates', ctx.params.subscriptionId, ctx.params.resourceGroupName).map((r) => snapshotOf(r.resource)))),
  },
  {
    name: 'imageTemplates.get',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.VirtualMachineImages/imageTemplates/{imageTemplateName}',
    ...common,
    handler: (ctx) => ok(snapshotOf(requireResource(ctx, 'imageTemplates', TYPE, 'imageTemplateName').resource)),
  },
  ...imageTemplateWriteRoutes,
  ...templateReferenceRoutes,
];
