import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:https';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedCertificate } from '../../src/server/pact/tls.ts';
import type { Instance } from './instance.ts';

/**
 * A partner's HTTPS host that records what Tanji sends it: an OpenID configuration naming a
 * non-default token endpoint (so discovery is what finds it), tokens for the credentials it issued,
 * and every event posted to any path, with the status it was answered with.
 */

export interface Received {
  path: string;
  authorization: string | undefined;
  body: Record<string, any>;
  status: number;
}

export class PartnerHost {
  readonly received: Received[] = [];
  readonly tokens: string[] = [];
  /** how many of the next event posts are refused (Infinity: all of them), and with which status */
  failEvents = 0;
  failStatus = 503;
  private server!: Server;
  readonly cert: string;
  private readonly key: string;

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {
    ({ cert: this.cert, key: this.key } = selfSignedCertificate(mkdtempSync(join(tmpdir(), 'tanji-partner-'))));
  }

  get base(): string {
    return `https://localhost:${(this.server.address() as AddressInfo).port}`;
  }

  /** the answers posted for the request event `id`, in the order they came */
  answersTo(id: string): Received[] {
    return this.received.filter((x) => x.body.data?.requestEventId === id);
  }

  async start(): Promise<void> {
    this.server = createServer({ key: this.key, cert: this.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const send = (status: number, body: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        const text = Buffer.concat(chunks).toString('utf8');
        if (req.method === 'GET' && req.url === '/.well-known/openid-configuration')
          return send(200, { issuer: this.base, token_endpoint: `${this.base}/oauth2/token` });
        if (req.method === 'POST' && req.url === '/oauth2/token') {
          const basic = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
          if (req.headers.authorization !== basic) return send(401, { error: 'invalid_client' });
          const token = `partner-token-${this.tokens.length + 1}`;
          this.tokens.push(token);
          return send(200, { access_token: token, token_type: 'bearer', expires_in: 3600 });
        }
        if (req.method === 'POST') {
          const refused = this.failEvents > 0;
          if (refused) this.failEvents--;
          const status = refused ? this.failStatus : 200;
          this.received.push({
            path: req.url ?? '',
            authorization: req.headers.authorization,
            body: text ? JSON.parse(text) : {},
            status,
          });
          return refused ? send(status, { code: 'InternalError', message: 'down for maintenance' }) : send(200, {});
        }
        send(404, { code: 'NotFound', message: req.url });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * The partner connected to a Tanji instance as a conformance run does it: a connection made in the
 * app, the credentials the partner issued recorded on it afterwards, and a token of ours for the
 * partner to call Tanji's PACT host with. `recorded` is the connection as the PATCH answered it.
 */
export async function connectPartner(tanji: Instance, partner: PartnerHost) {
  const created = await tanji.api('POST', '/api/pact/connections', { name: 'Conformance partner' });
  assert.equal(created.status, 201);
  const connectionId: string = created.data.connection.id;
  const recorded = await tanji.api('PATCH', `/api/pact/connections/${connectionId}`, {
    partnerClientId: partner.clientId,
    partnerSecret: partner.clientSecret,
    partnerCa: partner.cert,
  });
  assert.equal(recorded.status, 200, JSON.stringify(recorded.data));
  const basic = Buffer.from(`${created.data.connection.clientId}:${created.data.clientSecret}`).toString('base64');
  const token = await tanji.pact('/auth/token', {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return {
    connectionId,
    recorded: recorded.data,
    token: (token.json as { access_token: string }).access_token,
    product: (await tanji.api('GET', '/api/pact/footprints')).data[0].productIds[0] as string,
  };
}

/** The partner posts a RequestCreated for `productId` to Tanji's events endpoint; its event id. */
export async function requestCreated(
  tanji: Instance,
  token: string,
  spec: '3.0' | '2.3',
  source: string,
  productId: string,
): Promise<string> {
  const id = crypto.randomUUID();
  const event =
    spec === '3.0'
      ? {
          type: 'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3',
          specversion: '1.0',
          id,
          source,
          time: new Date().toISOString(),
          data: { productId: [productId] },
        }
      : {
          type: 'org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1',
          specversion: '1.0',
          id,
          source,
          time: new Date().toISOString(),
          data: { pf: { productIds: [productId] } },
        };
  const r = await tanji.pact(spec === '3.0' ? '/3/events' : '/2/events', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/cloudevents+json; charset=UTF-8' },
    body: JSON.stringify(event),
  });
  assert.equal(r.status, 200, r.text);
  return id;
}
