// Matches a request to a route: method + path template, case-insensitive literals, `{name}` captures one
// segment. Also classifies paths no route knows, the way ARM words its 404s.
import { ArmError } from './armError.ts';
import type { Route } from './route.ts';

interface CompiledRoute {
  route: Route;
  segments: string[];
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrongMethod'; allowed: string[] }
  | { kind: 'none' };

export class Router {
  private readonly compiled: CompiledRoute[] = [];

  constructor(routes: readonly Route[]) {
    for (const route of routes) this.compiled.push({ route, segments: split(route.template) });
  }

  get routes(): Route[] {
    return this.compiled.map((c) => c.route);
  }

  match(method: string, path: string): RouteMatch {
    const segments = split(path);
    const allowed: string[] = [];
    for (const { route, segments: template } of this.compiled) {
      const params = matchSegments(template, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allowed.push(route.method);
    }
    return allowed.length ? { kind: 'wrongMethod', allowed } : { kind: 'none' };
  }
}

function split(path: string): string[] {
  return path.split('/').filter(Boolean);
}

function matchSegments(template: string[], segments: string[]): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    if (t.startsWith('{') && t.endsWith('}')) params[t.slice(1, -1)] = decodeURIComponent(segments[i]);
    else if (t.toLowerCase() !== segments[i].toLowerCase()) return undefined;
  }
  return params;
}

const knownNamespaces = ['Microsoft.Compute', 'Microsoft.KeyVault', 'Microsoft.VirtualMachineImages', 'Microsoft.Resources', 'Microsoft.Storage', 'Microsoft.Network', 'Microsoft.Authorization', 'Microsoft.RecoveryServices'];

/** ARM's answer for a path no route serves. */
export function unknownPathError(path: string, apiVersion: string): ArmError {
  const m = /\/providers\/([^/]+)\/(.+)$/i.exec(path);
  if (m) {
    // 'disks/myDisk/foo' -> type 'disks/foo' (ARM names nested types by their type segments only)
    const type = m[2].split('/').filter((_, i) => i % 2 === 0).join('/');
    const namespace = knownNamespaces.find((n) => n.toLowerCase() === m[1].toLowerCase());
    if (!namespace) {
      return new ArmError(404, 'InvalidResourceNamespace', `The resource namespace '${m[1]}' is invalid.`);
    }
    return new ArmError(
      404,
      'InvalidResourceType',
      `The resource type '${type}' could not be found in the namespace '${namespace}' for api version '${apiVersion}'.`,
    );
  }
  return new ArmError(404, 'NotFound', `The requested resource '${path}' was not found.`);
}
