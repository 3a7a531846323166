import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import { coder } from '../i18n/define.ts';
import { PACT_TEXTS } from '../i18n/pact.ts';
import type { ErrorText } from '../model/errors.ts';
import { checkPartnerUrl, PartnerAddressError, partnerLookup } from './partner-address.ts';

/**
 * A PACT client: authenticates at a partner's host (OpenID discovery of the token endpoint,
 * falling back to /auth/token, then client credentials with HTTP Basic), lists footprints
 * following `Link: rel="next"`, gets one, and posts events. HTTPS only; a partner's self-signed
 * certificate is trusted when the connection carries it, beside the system CAs.
 */

export interface PartnerHost {
  /** https://host:port (a path prefix is kept) */
  url: string;
  clientId: string;
  clientSecret: string;
  /** PEM certificate to trust for this host */
  ca?: string | null;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

/**
 * A partner host that could not be reached or did not answer as PACT says: the partner's failure,
 * not a refusal of ours (the API answers 502), so it is no DomainError and a delivery is retried.
 * Its words are the catalogue's; what the partner said stays as it sent it, a param.
 */
export class PactClientError extends Error {
  constructor(
    readonly text: ErrorText,
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(text.message);
  }
}

const coded = coder(PACT_TEXTS);

const TIMEOUT_MS = 15_000;
const MAX_PAGES = 1000;
/** the largest answer read from a partner: a page of 1000 footprints is about 4 MiB */
const MAX_REPLY_BYTES = 32 * 1024 * 1024;

/**
 * Every way a connection can fail (refused, reset, no such host, a certificate not trusted, a
 * timeout) gets this one message: the detail would let a user map which hosts and ports answer
 * from the server's side of the network. The detail is kept as the error's cause for the log.
 */
export function unreachable(origin: string, cause: unknown): PactClientError {
  const error = new PactClientError(coded('pact.partner-unreachable', { origin }));
  error.cause = cause;
  return error;
}

type CallInit = { method?: string; headers?: Record<string, string>; body?: string; ca?: string | null };

export function call(url: string, init: CallInit): Promise<Reply> {
  let target: URL;
  try {
    target = checkPartnerUrl(url);
  } catch (e) {
    return Promise.reject(e instanceof PartnerAddressError && e.text ? new PactClientError(e.text) : e);
  }
  return send(target, init, false);
}

/**
 * One request. A kept-alive connection the partner closed while it was idle resets when reused,
 * before the request reached the partner: that one case is sent once more.
 */
function send(target: URL, init: CallInit, again: boolean): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: init.method ?? 'GET',
        headers: { accept: 'application/json', ...init.headers },
        ca: init.ca ? [...rootCertificates, init.ca] : undefined,
        timeout: TIMEOUT_MS,
        lookup: partnerLookup,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_REPLY_BYTES)
            req.destroy(
              new PactClientError(
                coded('pact.partner-reply-too-large', { origin: target.origin, mib: MAX_REPLY_BYTES / 1024 / 1024 }),
              ),
            );
          else chunks.push(c);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', (e) => reject(e instanceof PactClientError ? e : unreachable(target.origin, e)));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (e) => {
      if (!again && req.reusedSocket && (e as NodeJS.ErrnoException).code === 'ECONNRESET')
        return resolve(send(target, init, true));
      reject(
        e instanceof PactClientError
          ? e
          : e instanceof PartnerAddressError && e.text
            ? new PactClientError(e.text)
            : unreachable(target.origin, e),
      );
    });
    req.end(init.body);
  });
}

/** The `rel="next"` target of an RFC 8288 Link header. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  for (const value of [header ?? []].flat()) {
    for (const part of value.split(/,(?=\s*<)/)) {
      const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
      if (m && /(^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(m[2])) return m[1];
    }
  }
  return undefined;
}

const base = (url: string) => url.replace(/\/+$/, '');

/** What a connection records of a partner's host. */
export interface PartnerRecord {
  name: string;
  partnerUrl: string | null;
  partnerClientId: string | null;
  partnerSecret: string | null;
  partnerCa: string | null;
}

/** A client for the partner's host, which needs its URL and the credentials the partner issued to us. */
export function partnerClient(c: PartnerRecord): PactClient {
  if (!c.partnerUrl || !c.partnerClientId || !c.partnerSecret)
    throw new PactClientError(coded('pact.partner-not-set', { connection: c.name }));
  return new PactClient({
    url: c.partnerUrl,
    clientId: c.partnerClientId,
    clientSecret: c.partnerSecret,
    ca: c.partnerCa,
  });
}

export class PactClient {
  private token: { value: string; until: number } | undefined;

  constructor(readonly host: PartnerHost) {}

  private async tokenEndpoint(): Promise<string> {
    const origin = new URL(this.host.url).origin;
    try {
      const r = await call(`${origin}/.well-known/openid-configuration`, { ca: this.host.ca });
      const endpoint = (r.json as { token_endpoint?: unknown } | undefined)?.token_endpoint;
      if (r.status === 200 && typeof endpoint === 'string') return endpoint;
    } catch (e) {
      if (!(e instanceof PactClientError)) throw e;
    }
    return `${base(this.host.url)}/auth/token`;
  }

  async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const endpoint = await this.tokenEndpoint();
    const basic = Buffer.from(
      `${encodeURIComponent(this.host.clientId)}:${encodeURIComponent(this.host.clientSecret)}`,
    ).toString('base64');
    const r = await call(endpoint, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      ca: this.host.ca,
    });
    const body = r.json as
      { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown } | undefined;
    if (r.status !== 200 || typeof body?.access_token !== 'string') {
      const reply = body?.error ? `${String(body.error)}: ${String(body.error_description ?? '')}` : '';
      throw new PactClientError(
        coded('pact.partner-auth-failed', { endpoint, status: r.status, reply }),
        r.status,
        body,
      );
    }
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 300;
    this.token = { value: body.access_token, until: Date.now() + Math.max(0, seconds - 30) * 1000 };
    return this.token.value;
  }

  private async authorised(
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Reply> {
    const r = await call(url, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${await this.accessToken()}` },
      ca: this.host.ca,
    });
    if (r.status === 401) {
      this.token = undefined;
      return call(url, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${await this.accessToken()}` },
        ca: this.host.ca,
      });
    }
    return r;
  }

  private static check(url: string, r: Reply): unknown {
    if (r.status !== 200) {
      const e = r.json as { code?: unknown; message?: unknown } | undefined;
      // the partner's own code and message, as it sent them
      const reply = [e?.code, e?.message]
        .filter((x) => x !== undefined && x !== null && x !== '')
        .map(String)
        .join(': ');
      throw new PactClientError(coded('pact.partner-refused', { url, status: r.status, reply }), r.status, r.json);
    }
    return r.json;
  }

  /** Every footprint the filters select, across all pages. */
  async listFootprints(
    spec: '3.0' | '2.3',
    query: Record<string, string | string[]> = {},
  ): Promise<{ footprints: unknown[]; pages: number; url: string }> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) for (const x of [v].flat()) params.append(k, x);
    const first = `${base(this.host.url)}/${spec === '3.0' ? 3 : 2}/footprints${params.size ? `?${params}` : ''}`;
    const footprints: unknown[] = [];
    let url: string | undefined = first;
    let pages = 0;
    while (url && pages < MAX_PAGES) {
      const r = await this.authorised(url);
      const body = PactClient.check(url, r) as { data?: unknown };
      if (!Array.isArray(body?.data))
        throw new PactClientError(coded('pact.partner-no-data', { url }), r.status, r.json);
      footprints.push(...body.data);
      pages++;
      url = nextLink(r.headers.link);
    }
    return { footprints, pages, url: first };
  }

  async getFootprint(spec: '3.0' | '2.3', id: string): Promise<{ footprint: unknown; url: string }> {
    const url = `${base(this.host.url)}/${spec === '3.0' ? 3 : 2}/footprints/${encodeURIComponent(id)}`;
    const body = PactClient.check(url, await this.authorised(url)) as { data?: unknown };
    return { footprint: body?.data, url };
  }

  /** Posts a CloudEvent to the partner's events endpoint (or to `url` when the event names one). */
  async sendEvent(
    spec: '3.0' | '2.3',
    event: object,
    url = `${base(this.host.url)}/${spec === '3.0' ? 3 : 2}/events`,
  ): Promise<void> {
    const r = await this.authorised(url, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' },
      body: JSON.stringify(event),
    });
    if (r.status !== 200) PactClient.check(url, r);
  }
}
