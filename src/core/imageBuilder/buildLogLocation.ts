// Where a build's customization.log lives: Image Builder keeps it in the storage account of the template's
// staging resource group (`IT_<rg>_<template>_<guid>`, or the group named in `stagingResourceGroup`), in the
// container `packerlogs`, one folder per run: `packerlogs/<run guid>/customization.log`.

export const BUILD_LOG_CONTAINER = 'packerlogs';
export const BUILD_LOG_FILE = 'customization.log';

/** The staging resource group's name from `exactStagingResourceGroup` (an id) or `stagingResourceGroup`. */
export function stagingResourceGroupName(properties: { exactStagingResourceGroup?: unknown; stagingResourceGroup?: unknown } | undefined): string | undefined {
  const id = [properties?.exactStagingResourceGroup, properties?.stagingResourceGroup].find((v): v is string => typeof v === 'string' && v.length > 0);
  const match = id ? /\/resourceGroups\/([^/]+)\/?$/i.exec(id) : null;
  return match?.[1];
}

/**
 * The account name the blob service expects in a Shared Key signature. Azure's endpoints name it in the host
 * (`https://acct.blob.core.windows.net/`); path-style endpoints (Azure Stack Hub's IP endpoints, the emulator)
 * name it in the first path segment.
 */
export function storageAccountNameFromBlobEndpoint(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  const pathStyle = /^(\d+\.\d+\.\d+\.\d+|localhost|\[[0-9a-f:]+\])$/i.test(url.hostname);
  if (pathStyle) return url.pathname.split('/').filter(Boolean)[0];
  return url.hostname.split('.')[0] || undefined;
}

export interface LogBlobCandidate {
  name: string;
  lastModified?: Date;
}

/**
 * The log of the latest run: the newest `customization.log` in the container (names break ties, newest first),
 * ignoring ones last written before the run started: a previous run's log is not this run's, and the new one may
 * not be written yet. A failed run's message quotes its log's URL: that one wins when it is there.
 */
export function pickBuildLogBlob(candidates: readonly LogBlobCandidate[], runStartedAt?: Date, quotedLogUrl?: string): LogBlobCandidate | undefined {
  const logs = candidates.filter((c) => c.name === BUILD_LOG_FILE || c.name.endsWith(`/${BUILD_LOG_FILE}`));
  const quoted = quotedLogUrl ? logs.find((c) => quotedLogUrl.includes(`/${BUILD_LOG_CONTAINER}/${c.name}`)) : undefined;
  if (quoted) return quoted;
  return logs
    .filter((c) => !runStartedAt || !c.lastModified || c.lastModified.getTime() >= runStartedAt.getTime() - 1000)
    .sort((a, b) => (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0) || b.name.localeCompare(a.name))[0];
}

/** The log URL Image Builder quotes in a failed run's message ("Image Build log location: https://…/customization.log"). */
export function quotedBuildLogUrl(message: string | undefined): string | undefined {
  return /(https?:\/\/\S+\/customization\.log)\b/.exec(message ?? '')?.[1];
}
