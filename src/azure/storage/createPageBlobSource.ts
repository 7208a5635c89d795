// The engine's PageBlobSource over @azure/storage-blob, addressed by a SAS URL (what Grant Access returns).
// Loaded lazily so the extension activates without the SDK. The SDK's retry is off (maxTries: 1): retries are
// ours (readRangeWithRetry) so they resume mid-range, renew the SAS and feed the concurrency control.
import type { PageBlobClient, RequestPolicy, RequestPolicyFactory, WebResource } from '@azure/storage-blob';
import type { ByteRange } from '../../core/download/byteRange.ts';
import type { PageBlobProperties, PageBlobSource, ReadRangeOptions } from '../../core/download/pageBlobSource.ts';
import type { RetryPolicy } from '../../core/download/rangeRetryPolicy.ts';
import { describeUrlWithoutSecrets } from '../../core/redact.ts';
import { readRangeWithRetry } from './readRangeWithRetry.ts';
import { SasUrlHolder } from './sasUrlHolder.ts';
import { BearerTokenHolder, type GetBearerToken } from './bearerTokenHolder.ts';
import { DownloadError } from '../../core/download/downloadError.ts';
import { describeStorageFailure } from './describeStorageFailure.ts';

export interface PageBlobSourceOptions {
  sasUrl: string;
  /** Asked for a new SAS URL when the current one is refused (403: expired or revoked). */
  getFreshSasUrl?: (signal: AbortSignal) => Promise<string>;
  /**
   * For disks with dataAccessAuthMode AzureActiveDirectory: an OAuth token for https://disk.azure.com/ sent as
   * `Authorization: Bearer` on top of the SAS. Called before every request, so it should cache (as
   * @azure/identity's getToken does) and refresh near expiry; `forceRefresh` after the disk refused it (401).
   */
  getBearerToken?: GetBearerToken;
  retryPolicy?: RetryPolicy;
  stallTimeoutMs?: number;
  /** The custom cloud's CA (a private cloud's storage may use one), trusted for these requests only. */
  tlsOptions?: { ca: string };
}

export async function createPageBlobSource(options: PageBlobSourceOptions): Promise<PageBlobSource> {
  const { AnonymousCredential, PageBlobClient, newPipeline } = await import('@azure/storage-blob');
  const sas = new SasUrlHolder(options.sasUrl, options.getFreshSasUrl);
  let etag: string | undefined;

  const pipeline = newPipeline(new AnonymousCredential(), {
    retryOptions: { maxTries: 1 },
    // Not in StoragePipelineOptions' type, but passed on to core-rest-pipeline like every client option.
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
  } as Parameters<typeof newPipeline>[1]);
  const token = options.getBearerToken ? new BearerTokenHolder(options.getBearerToken) : undefined;
  if (token) pipeline.factories.push(bearerTokenFactory((signal) => token.token(signal)));
  const clients = new Map<number, PageBlobClient>();
  const client = (): PageBlobClient => {
    let c = clients.get(sas.generation);
    if (!c) {
      c = new PageBlobClient(sas.url, pipeline);
      clients.clear();
      clients.set(sas.generation, c);
    }
    return c;
  };

  // Listing and properties are small, single requests: renew the SAS on 403 once, otherwise report.
  // A refused token (401) gets a new token, a refused SAS (403) a new link.
  const withRenewal = async <T>(what: string, signal: AbortSignal, call: () => Promise<T>): Promise<T> => {
    const generation = sas.generation;
    const tokenGeneration = token?.generation ?? 0;
    let error: unknown;
    try {
      return await call();
    } catch (first) {
      error = first;
      const status = describeStorageFailure(first).facts.status;
      try {
        if (status === 401 && token) {
          await token.refreshAfter(tokenGeneration, signal);
          return await call();
        }
        if (status === 403 && sas.canRenew) {
          await sas.renewAfter(generation, signal);
          return await call();
        }
      } catch (second) {
        error = second;
      }
    }
    const described = describeStorageFailure(error);
    if (signal.aborted) throw new DownloadError('cancelled', 'The download was cancelled.', { cause: error });
    const code = described.facts.status === 401 ? 'tokenRefused' : described.facts.status === 403 ? 'accessExpired' : 'transferFailed';
    throw new DownloadError(code, `${what} failed: ${described.message}`, { cause: error, detail: described.message });
  };

  return {
    sourceId: describeUrlWithoutSecrets(options.sasUrl),

    ...(sas.canRenew ? { renewAccess: (signal: AbortSignal) => sas.renewAfter(sas.generation, signal) } : {}),

    async getProperties(signal: AbortSignal): Promise<PageBlobProperties> {
      const props = await withRenewal('Reading the disk properties', signal, () => client().getProperties({ abortSignal: signal }));
      if (props.blobType !== undefined && props.blobType !== 'PageBlob') {
        throw new DownloadError('transferFailed', `The SAS URL points to a ${props.blobType}, not a page blob (disk).`);
      }
      etag = props.etag;
      return { size: props.contentLength ?? 0, etag };
    },

    async listPageRanges(signal: AbortSignal): Promise<ByteRange[]> {
      return withRenewal('Listing the written ranges of the disk', signal, async () => {
        const ranges: ByteRange[] = [];
        // listPageRanges reports inclusive ends (getPageRanges' `count` is one short in this SDK: see recipes).
        for await (const page of client().listPageRanges(0, undefined, { abortSignal: signal }).byPage({ maxPageSize: 10_000 })) {
          for (const r of page.pageRange ?? []) ranges.push({ offset: r.start, count: r.end - r.start + 1 });
        }
        return ranges;
      });
    },

    readRange(range: ByteRange, receive: (chunk: Uint8Array) => Promise<void>, readOptions: ReadRangeOptions): Promise<void> {
      return readRangeWithRetry({
        range, receive, sas, token, signal: readOptions.signal, onRetry: readOptions.onRetry,
        policy: options.retryPolicy, stallTimeoutMs: options.stallTimeoutMs,
        openBody: async (offset, count, signal) => {
          const response = await client().download(offset, count, {
            abortSignal: signal,
            maxRetryRequests: 0,
            // If the blob changed since we planned, stop (412) instead of mixing two versions in one file.
            conditions: etag ? { ifMatch: etag } : undefined,
          });
          if (!response.readableStreamBody) throw new Error('the download response has no body');
          return response.readableStreamBody as unknown as import('node:stream').Readable;
        },
      });
    },
  };
}

/** A core-http style policy factory: the storage SDK still wraps such factories into its pipeline. */
function bearerTokenFactory(getToken: (signal: AbortSignal) => Promise<string>): RequestPolicyFactory {
  return {
    create(next: RequestPolicy): RequestPolicy {
      return {
        async sendRequest(request: WebResource) {
          const signal = (request.abortSignal as AbortSignal | undefined) ?? new AbortController().signal;
          request.headers.set('Authorization', `Bearer ${await getToken(signal)}`);
          return next.sendRequest(request);
        },
      };
    },
  };
}
