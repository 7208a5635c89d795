import type { CloudEndpoints } from '../../../src/core/cloud/CloudEndpoints.ts';
import { resolveCloudEndpoints } from '../../../src/core/cloud/resolveCloudEndpoints.ts';

/** The cloud settings a user would enter for the local Azure, resolved exactly as the extension resolves them. */
export function localCloud(local: { armEndpoint: string; tokenAudience: string; caCertFile: string }): CloudEndpoints {
  const resolution = resolveCloudEndpoints({
    cloud: 'Custom',
    customCloud: { resourceManagerEndpoint: local.armEndpoint, tokenAudience: local.tokenAudience, caCertificateFile: local.caCertFile },
  });
  if (!resolution.ok) throw new Error(resolution.problem);
  return resolution.cloud;
}
