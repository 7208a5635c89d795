/** The portal's deep link for a resource, in the resource's own tenant (the portal otherwise opens the home tenant). */
export function portalUrlForResource(portalUrl: string, tenantId: string, resourceId: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/#@${tenantId}/resource${resourceId}/overview`;
}
