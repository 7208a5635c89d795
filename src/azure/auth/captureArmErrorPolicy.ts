import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/** Where the ARM error body of a failed request is kept: on the request, which every SDK error carries. */
export const ARM_ERROR_PROPERTY = 'armErrorBody';

/**
 * Keeps ARM's `{ error: { code, message } }` for failed requests. Some SDK paths (the modular SDKs' paging)
 * throw "Pagination failed with unexpected statusCode 500" and drop the body, yet keep the request object;
 * describeAzureError reads the body back from there so the user still sees ARM's own sentence.
 */
export const captureArmErrorPolicy: PipelinePolicy = {
  name: 'captureArmErrorPolicy',
  async sendRequest(request, next) {
    const response = await next(request);
    if (response.status >= 400 && response.bodyAsText) {
      try {
        const body = JSON.parse(response.bodyAsText) as { error?: unknown };
        if (body && typeof body === 'object' && body.error) {
          Object.defineProperty(request, ARM_ERROR_PROPERTY, { value: body.error, enumerable: false, configurable: true });
        }
      } catch {
        // Not JSON: nothing to keep.
      }
    }
    return response;
  },
};
