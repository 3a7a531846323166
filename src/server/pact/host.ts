import { Hono, type Context } from 'hono';
import type { Spec, StoredConnection } from '../../store/index.ts';
import { issueToken, OAuthError } from '../../pact/credentials.ts';
import { PactRequestError, type PactErrorKind } from '../../pact/errors.ts';
import { accessOf } from '../../pact/events.ts';
import type { PactExchange } from '../../pact/exchange.ts';
import { listQuery, type ListQuery } from '../../pact/catalog.ts';
import { filterFromQuery } from '../../pact/filters.ts';
import { parseODataFilter } from '../../pact/odata.ts';
import { API_CSP, securityHeaders } from '../security-headers.ts';

/**
 * The PACT host (Tech Spec v3.0 at /3, v2.3 at /2): OAuth2 client credentials at /auth/token
 * with OpenID discovery, ListFootprints with filters and RFC 8288 pagination, GetFootprint, and
 * the Action Events. It is served over HTTPS only (see tls.ts); errors are the spec's
 * `{code, message}` with the status and spelling of each version.
 */

/**
 * Footprints per page when the client sets no `limit` (the spec leaves it to the host). A
 * footprint is 3–4 KiB of JSON, so 20 are about 70 KiB: measured on 2 cores with 100 clients
 * polling at once (bench/pact.ts), TLS and the network move such a page in time to answer
 * within 50 ms at p99 even to clients that take no gzip, and 100 (365 KiB) miss it, in a bare
 * Node HTTPS server as well (about 90 ms there, 110 ms here). A client that wants fewer round trips asks for
 * more, up to MAX_LIMIT.
 */
export const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
/** smaller list bodies go uncompressed */
const GZIP_MIN_BYTES = 1024;

/** Status and code per version: v2 says NoSuchFootprint and answers NotImplemented with 400, v3 NotFound and 501. */
function errorFor(kind: PactErrorKind, spec: Spec): { status: 400 | 401 | 403 | 404 | 500 | 501; code: string } {
  switch (kind) {
    case 'BadRequest':
      return { status: 400, code: 'BadRequest' };
    case 'AccessDenied':
      return { status: 403, code: 'AccessDenied' };
    case 'TokenExpired':
      return { status: 401, code: 'TokenExpired' };
    case 'NotFound':
      return { status: 404, code: spec === '3.0' ? 'NotFound' : 'NoSuchFootprint' };
    case 'NotImplemented':
      return spec === '3.0' ? { status: 501, code: 'NotImplemented' } : { status: 400, code: 'NotImplemented' };
    default:
      return { status: 500, code: 'InternalError' };
  }
}

const specOf = (path: string): Spec => (path.startsWith('/2/') ? '2.3' : '3.0');

function pactError(c: Context, kind: PactErrorKind, message: string) {
  const { status, code } = errorFor(kind, specOf(c.req.path));
  return c.json({ code, message }, status);
}

/**
 * The absolute URL of the page after the footprint numbered `after`, on the host the client
 * called (spec: same `host` as the request), with the same filters and page size.
 */
function nextPageUrl(c: Context, after: number, limit: number): string {
  const url = new URL(c.req.url);
  const host = c.req.header('host');
  if (host) url.host = host;
  url.protocol = 'https:';
  url.searchParams.delete('offset');
  url.searchParams.set('limit', String(limit));
  url.searchParams.set('after', String(after));
  return url.toString();
}

/** Whether an Accept-Encoding header (RFC 9110 §12.5.3) takes gzip: named, or `*`, with a q-value above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const value = header.toLowerCase();
  if (!value.includes('gzip') && !value.includes('*')) return false;
  let gzipQ: number | undefined;
  let anyQ: number | undefined;
  for (const item of value.split(',')) {
    const semicolon = item.indexOf(';');
    const coding = (semicolon < 0 ? item : item.slice(0, semicolon)).trim();
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    const q = semicolon < 0 ? undefined : /;\s*q\s*=\s*([^;\s]*)/.exec(item.slice(semicolon))?.[1];
    const quality = q === undefined ? 1 : Number(q);
    if (coding === '*') anyQ = quality;
    else gzipQ = quality;
  }
  const quality = gzipQ ?? anyQ ?? 0;
  return Number.isFinite(quality) && quality > 0;
}

/** A list URL as the host reads it, and the Link header it was last answered with. */
interface ListRequest {
  query: ListQuery;
  link?: { after: number; header: string };
}

/** parsed list URLs kept by the host: a partner polling asks for the same few again and again */
const REMEMBERED_LIST_URLS = 1000;

function listRequest(c: Context, spec: Spec): ListRequest {
  const params = new URL(c.req.url).searchParams;
  const limit = Math.min(nonNegativeInt('limit', params.get('limit') ?? undefined, 1) ?? DEFAULT_LIMIT, MAX_LIMIT);
  const after = nonNegativeInt('after', params.get('after') ?? undefined, 0);
  const offset = nonNegativeInt('offset', params.get('offset') ?? undefined, 0) ?? 0;
  const filter = spec === '3.0' ? filterFromQuery(params) : {};
  const odataText = spec === '2.3' ? params.get('$filter') || undefined : undefined;
  const odata = odataText ? { text: odataText, predicate: parseODataFilter(odataText) } : undefined;
  return { query: listQuery(filter, odata, after, offset, limit) };
}

function nonNegativeInt(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new PactRequestError(
      'BadRequest',
      `${name}: expected an integer of at least ${min}, got ${JSON.stringify(value)}`,
    );
  return Number(value);
}

export function createPactHost(pact: PactExchange): Hono {
  const app = new Hono();
  app.use('*', securityHeaders({ csp: API_CSP, hsts: true }));
  const connectionOf = (c: Context): Promise<StoredConnection> => pact.tokens.connection(c.req.header('authorization'));
  const listRequests = new Map<string, ListRequest>();

  app.get('/.well-known/openid-configuration', (c) => {
    const origin = new URL(c.req.url).origin.replace(/^http:/, 'https:');
    return c.json({
      issuer: origin,
      token_endpoint: `${origin}/auth/token`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
      response_types_supported: ['token'],
      scopes_supported: ['footprint:list', 'footprint:read'],
    });
  });

  app.post('/auth/token', async (c) => {
    try {
      const type = c.req.header('content-type') ?? '';
      const form = type.includes('application/x-www-form-urlencoded')
        ? new URLSearchParams(await c.req.text())
        : undefined;
      if (!form)
        throw new OAuthError(
          400,
          'invalid_request',
          'send the token request as application/x-www-form-urlencoded with grant_type=client_credentials',
        );
      const { token, expiresIn } = await issueToken(
        pact.store,
        c.req.header('authorization'),
        form.get('grant_type') ?? undefined,
      );
      c.header('cache-control', 'no-store');
      return c.json({
        access_token: token,
        token_type: 'bearer',
        expires_in: expiresIn,
        scope: 'footprint:list footprint:read',
      });
    } catch (e) {
      if (!(e instanceof OAuthError)) throw e;
      c.header('cache-control', 'no-store');
      if (e.status === 401) c.header('www-authenticate', 'Basic realm="PACT", charset="UTF-8"');
      return c.json({ error: e.error, error_description: e.description }, e.status);
    }
  });

  for (const prefix of ['/3', '/2'] as const) {
    const spec: Spec = prefix === '/3' ? '3.0' : '2.3';

    app.get(`${prefix}/footprints`, async (c) => {
      const connection = await connectionOf(c);
      // c.req.url carries the Host header the link is built on
      let list = listRequests.get(c.req.url);
      if (!list) {
        list = listRequest(c, spec);
        if (listRequests.size >= REMEMBERED_LIST_URLS) listRequests.clear();
        listRequests.set(c.req.url, list);
      }
      // the body comes as bytes, kept by the catalog until the footprints change, and gzipped for clients that accept it
      const page = await pact.catalog.listBody(accessOf(connection), spec, list.query);
      // one plain object of headers: the adapter writes it as it is, without a Headers instance
      const headers: Record<string, string> = { 'content-type': 'application/json', vary: 'accept-encoding' };
      if (page.next !== undefined) {
        if (list.link?.after !== page.next)
          list.link = { after: page.next, header: `<${nextPageUrl(c, page.next, list.query.limit)}>; rel="next"` };
        headers.link = list.link.header;
      }
      if (page.body.length >= GZIP_MIN_BYTES && acceptsGzip(c.req.header('accept-encoding'))) {
        headers['content-encoding'] = 'gzip';
        return c.body(await pact.catalog.gzipped(page), 200, headers);
      }
      return c.body(page.body, 200, headers);
    });

    app.get(`${prefix}/footprints/:id`, async (c) => {
      const connection = await connectionOf(c);
      const found = await pact.catalog.get(accessOf(connection), spec, c.req.param('id'));
      if ('refused' in found) {
        return found.refused === 'forbidden'
          ? pactError(c, 'AccessDenied', 'your connection does not grant access to this footprint')
          : pactError(c, 'NotFound', `no footprint ${c.req.param('id')}`);
      }
      return c.body(`{"data":${found.found}}`, 200, { 'content-type': 'application/json' });
    });

    app.post(`${prefix}/events`, async (c) => {
      const connection = await connectionOf(c);
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        throw new PactRequestError(
          'BadRequest',
          'the body is not JSON: send a CloudEvent as application/cloudevents+json',
        );
      }
      await pact.events.receive(connection, spec, body);
      return c.body(null, 200);
    });
  }

  app.notFound((c) => pactError(c, 'NotFound', `no route ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    if (err instanceof PactRequestError) return pactError(c, err.kind, err.message);
    console.error(err);
    return pactError(c, 'InternalError', 'the host failed to answer');
  });
  return app;
}
