// ARM paging: `{ value: [...], nextLink }` where nextLink is an absolute URL carrying the original query
// (api-version included) plus an opaque $skiptoken. The SDKs follow nextLink until it is absent.
import { invalidParameter } from './armError.ts';
import type { RouteContext } from './route.ts';

export function pageOf<T>(ctx: RouteContext, items: readonly T[]): { value: T[]; nextLink?: string } {
  const top = ctx.query.get('$top');
  const pageSize = top ? Math.max(1, Number(top)) : ctx.env.settings.pageSize;
  const offset = readSkipToken(ctx.query.get('$skiptoken'));
  const value = items.slice(offset, offset + pageSize);
  if (offset + pageSize >= items.length) return { value };
  const query = new URLSearchParams(ctx.query);
  query.delete('$skiptoken');
  query.set('$skiptoken', Buffer.from(JSON.stringify({ o: offset + pageSize })).toString('base64url'));
  // The original path, as sent (ARM keeps its casing), on the stand-in's own origin.
  const rawPath = (ctx.req.url ?? '').split('?')[0];
  return { value, nextLink: `${ctx.env.baseUrl}${rawPath}?${query.toString()}` };
}

function readSkipToken(token: string | null): number {
  if (!token) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o: number };
    if (Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw invalidParameter('$skiptoken', "The value of parameter '$skiptoken' is invalid.");
}
