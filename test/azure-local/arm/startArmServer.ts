// The ARM stand-in: an https server on a free loopback port that authenticates, checks api-versions, applies
// faults, routes to the resource modules in routes/, and answers in ARM's shapes. /__admin/* lets another
// process (E2E, demo) switch faults and read or change the state.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { LocalAzureState } from '../state/LocalAzureState.ts';
import type { DiskBlobStore } from '../storage/DiskBlobStore.ts';
import { handleAdminRequest } from './admin.ts';
import { ArmError, invalidRequestContent, resourceGroupNotFound, subscriptionNotFound } from './armError.ts';
import { FaultController } from './FaultController.ts';
import { OperationTracker } from './OperationTracker.ts';
import type { ArmEnvironment, ArmSettings, RouteContext, RouteResult } from './route.ts';
import { allRoutes } from './routes/allRoutes.ts';
import { Router, unknownPathError } from './Router.ts';
import { createLocalCertificates } from './tls.ts';
import { authenticate, wrongTenant } from './tokens.ts';

/** Default audience of the Graph stand-in's tokens; clients ask for `${audience}/.default`. */
export const LOCAL_GRAPH_TOKEN_AUDIENCE = 'https://graph.local-azure.test';

export interface ArmServerOptions {
  state: LocalAzureState;
  blobs: DiskBlobStore;
  /** The audience tokens must carry (no trailing slash needed; both forms accepted). */
  tokenAudience: string;
  /** The audience Microsoft Graph tokens must carry (routes with service 'graph'). */
  graphTokenAudience?: string;
  /** Folder for the CA file. */
  workDir: string;
  settings?: Partial<ArmSettings>;
  faults?: FaultController;
}

export interface RunningArmServer {
  /** https://127.0.0.1:PORT */
  armEndpoint: string;
  caCertPem: string;
  caCertFile: string;
  /** The server certificate (127.0.0.1, localhost) and its key: other https stand-ins on loopback serve it too. */
  tls: { certPem: string; keyPem: string };
  settings: ArmSettings;
  faults: FaultController;
  operations: OperationTracker;
  router: Router;
  stop(): Promise<void>;
}

export async function startArmServer(options: ArmServerOptions): Promise<RunningArmServer> {
  const certificates = await createLocalCertificates();
  const caCertFile = join(options.workDir, 'local-azure-ca.pem');
  await writeFile(caCertFile, certificates.caCertPem);
  const settings: ArmSettings = { pageSize: 5, lroDurationMs: 300, retryAfterSeconds: 0, ...options.settings };
  const faults = options.faults ?? new FaultController();
  const router = new Router(allRoutes);
  let env!: ArmEnvironment;
  const operations = new OperationTracker(() => env);
  const defaultTenant = options.state.user.homeTenantId;

  const server: Server = createServer({ cert: certificates.serverCertPem, key: certificates.serverKeyPem }, (req, res) => {
    handle(req, res).catch((error) => send(res, new ArmError(500, 'InternalServerError', `Local ARM failed: ${(error as Error).stack}`)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', env.baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);
    if (url.pathname.startsWith('/__admin/')) {
      const answer = await handleAdminRequest({ method, path: url.pathname, query: url.searchParams, rawBody, state: options.state, faults, settings, operations });
      return send(res, answer);
    }
    const path = decodeURIComponent(url.pathname);
    const match = router.match(method, path);
    const routeName = match.kind === 'found' ? match.route.name : undefined;
    const decision = faults.decide(method, path, routeName);
    if (decision.latencyMs > 0) await new Promise((r) => setTimeout(r, decision.latencyMs));
    let status = 500;
    try {
      const answer = await dispatch();
      status = answer.status;
      send(res, answer);
    } catch (error) {
      const armError = error instanceof ArmError ? error : new ArmError(500, 'InternalServerError', String((error as Error)?.stack ?? error));
      status = armError.status;
      send(res, armError);
    } finally {
      options.state.logRequest({ time: new Date().toISOString(), method, path: url.pathname + url.search, route: routeName, status });
    }

    async function dispatch(): Promise<RouteResult> {
      // ARM's order: authenticate, then the api-version, then routing and the route's own checks.
      const graph = match.kind === 'found' && match.route.service === 'graph';
      const audience = graph ? (options.graphTokenAudience ?? LOCAL_GRAPH_TOKEN_AUDIENCE) : options.tokenAudience;
      const token = authenticate(req.headers.authorization, audience, defaultTenant);
      const apiVersion = url.searchParams.get('api-version') ?? (graph ? '' : null);
      if (apiVersion === null) {
        throw new ArmError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
      }
      if (decision.failure) throw decision.failure;
      if (match.kind === 'wrongMethod') {
        throw new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`);
      }
      if (match.kind === 'none') throw unknownPathError(path, apiVersion);
      const { route, params } = match;
      if (params.subscriptionId) checkSubscription(params.subscriptionId, token.tid, route.resourceType);
      if (!graph && !route.apiVersions.includes(apiVersion)) throw unsupportedApiVersion(route.resourceType, apiVersion, route.apiVersions);
      if (params.resourceGroupName && !options.state.resourceGroup(params.subscriptionId, params.resourceGroupName)) {
        throw resourceGroupNotFound(params.resourceGroupName);
      }
      let body: unknown;
      if (rawBody.length > 0) {
        try {
          body = JSON.parse(rawBody.toString('utf8'));
        } catch (error) {
          throw invalidRequestContent((error as Error).message);
        }
      }
      const ctx: RouteContext = { env, req, method, path, params, query: url.searchParams, apiVersion, body, token, operationOverride: decision.operationOverride };
      return route.handler(ctx);
    }
  }

  function checkSubscription(subscriptionId: string, tokenTenant: string, resourceType: string | undefined): void {
    const subscription = options.state.subscription(subscriptionId);
    if (!subscription) throw subscriptionNotFound(subscriptionId);
    if (subscription.tenantId.toLowerCase() !== tokenTenant.toLowerCase()) throw wrongTenant(tokenTenant, subscription.tenantId);
    const namespace = resourceType?.split('/')[0];
    const registration = namespace ? subscription.providerRegistration?.[namespace] : undefined;
    if (registration && registration !== 'Registered') {
      throw new ArmError(409, 'MissingSubscriptionRegistration', `The subscription is not registered to use namespace '${namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.`, { target: namespace });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  env = { state: options.state, settings, operations, blobs: options.blobs, baseUrl: `https://127.0.0.1:${port}` };

  return {
    armEndpoint: env.baseUrl,
    caCertPem: certificates.caCertPem,
    caCertFile,
    tls: { certPem: certificates.serverCertPem, keyPem: certificates.serverKeyPem },
    settings,
    faults,
    operations,
    router,
    async stop() {
      operations.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function unsupportedApiVersion(resourceType: string | undefined, apiVersion: string, supported: readonly string[]): ArmError {
  if (!resourceType) {
    return new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${apiVersion}' is invalid. The supported versions are '${supported.join(',')}'. Please see https://aka.ms/arm-api-versions for more details.`);
  }
  const [namespace, ...type] = resourceType.split('/');
  return new ArmError(
    400,
    'NoRegisteredProviderFound',
    `No registered resource provider found for location 'global' and API version '${apiVersion}' for type '${type.join('/')}'. ` +
      `The supported api-versions are '${supported.join(', ')}'. The supported locations are ''.`,
    { target: namespace },
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, answer: RouteResult | ArmError): void {
  if (res.headersSent) return;
  const result: RouteResult = answer instanceof ArmError ? { status: answer.status, body: answer.toBody(), headers: answer.headers } : answer;
  const requestId = randomUUID();
  const headers: Record<string, string> = {
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': requestId,
    'x-ms-routing-request-id': `LOCAL:${new Date().toISOString().replace(/[-:.]/g, '')}:${requestId}`,
    'Cache-Control': 'no-cache',
    ...result.headers,
  };
  if (result.body === undefined) {
    res.writeHead(result.status, { ...headers, 'Content-Length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(result.body);
  res.writeHead(result.status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}
