import { currentResult, verifyCurrentResult } from '../../studies/verification.ts';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { codeText, TEXT_LIMITS } from '../../model/limits.ts';
import { checkPartnerHost } from '../../pact/partner-address.ts';
import {
  ConnectionInputSchema,
  ConnectionSchema,
  NewConnectionSchema,
  PartnerUpdateSchema,
  PactEventRecordSchema,
  PactSpecSchema,
  PublishedFootprintSchema,
  ReceivedFootprintSchema,
  VerificationSchema,
} from '../../model/pact-exchange.ts';
import { StudySchema } from '../../model/study.ts';
import {
  addVerification,
  createConnection,
  getConnection,
  getReceived,
  latestResult,
  listConnections,
  listEvents,
  listFootprintRows,
  listReceived,
  revokeConnection,
  StaleVersionError,
  updatePartner,
  verificationsOf,
  type ReceivedRow,
  type StoredConnection,
  type User,
} from '../../store/index.ts';
import { PactClientError } from '../../pact/client.ts';
import { newClientCredentials, sha256 } from '../../pact/credentials.ts';
import { publishStudy } from '../../pact/publish.ts';
import { footprintFigures, pullFootprints, useInStudy } from '../../pact/supplier-data.ts';
import { coder } from '../../i18n/define.ts';
import { PACT_TEXTS } from '../../i18n/pact.ts';
import { ApiError, notFound } from '../errors.ts';
import type { ApiAction } from '../../i18n/api.ts';
import { bearer, ERRORS, json, ok, reply, requireRole, router, type Deps } from '../openapi.ts';
import { ErrorSchema, IdParamSchema } from '../schemas.ts';
import { conformingOrRefused, readableStudy, writableStudy, written } from './studies.ts';

/**
 * The app's side of PACT exchange, for signed-in users: verifying and publishing study results,
 * the partner connections a company keeps, pulling suppliers' footprints (at once, or by request
 * event) and putting one into a study entry. The PACT host itself is src/server/pact/host.ts.
 */

const HostSchema = z.object({ url: z.string(), events: z.string(), certificate: z.string() });

const coded = coder(PACT_TEXTS);

function connectionView(c: StoredConnection): z.infer<typeof ConnectionSchema> {
  return ConnectionSchema.parse(c);
}

function receivedView(r: ReceivedRow): z.infer<typeof ReceivedFootprintSchema> {
  const f = footprintFigures(r);
  return {
    id: r.id,
    connection: r.connection,
    pfId: r.pfId,
    spec: r.spec,
    productIds: r.productIds,
    productName: f.productName,
    companyName: f.companyName,
    pcf: String(f.kgCo2e),
    declaredUnit: `${f.amount} ${f.unit}`,
    sourceUrl: r.sourceUrl,
    via: r.via,
    receivedAt: r.receivedAt,
  };
}

export function pactRoutes(deps: Deps) {
  const { store, cache, pact } = deps;
  const app = router();
  const enterprise = (c: Parameters<typeof requireRole>[0], action: ApiAction): User & { companyId: string } =>
    requireRole(c, ['enterprise'], action) as User & { companyId: string };
  const ownConnection = async (user: User, id: string) => {
    const found = await getConnection(store, id);
    if (!found || found.companyId !== user.companyId) throw notFound('thing.connection', { id });
    return found;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{id}/verifications',
      tags: ['pact'],
      summary: "verifications of the study's latest version",
      security: bearer,
      request: { params: IdParamSchema },
      responses: { 200: ok(z.array(VerificationSchema), 'newest first'), 401: ERRORS[401], 404: ERRORS[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { head } = await readableStudy(c, deps, id);
      return reply(c, z.array(VerificationSchema), await verificationsOf(store, id, head.latestVersion));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/{id}/verifications',
      tags: ['pact'],
      summary: 'a verifier signs off the latest calculated result (needed before it is published over PACT)',
      security: bearer,
      request: {
        params: IdParamSchema,
        body: json(z.object({ statement: z.string().trim().min(1).max(TEXT_LIMITS.text) })),
      },
      responses: {
        200: ok(VerificationSchema, 'recorded'),
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'no current result'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const user = requireRole(c, ['verifier'], 'action.verify-results');
      const { head } = await readableStudy(c, deps, id);
      await currentResult(store, id, 'verified');
      await conformingOrRefused(store, id);
      const mine = await verifyCurrentResult(store, id, head.companyId, user, c.req.valid('json').statement);
      return reply(c, VerificationSchema, mine);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/{id}/publish',
      tags: ['pact'],
      summary:
        'publish the verified result as a PACT ProductFootprint (v3.0, and v2.3 where it can be written); deprecates the earlier one',
      security: bearer,
      request: { params: IdParamSchema },
      responses: {
        201: ok(
          z.object({ id: z.string(), deprecated: z.array(z.string()), v2Problems: z.array(z.string()) }),
          'published',
        ),
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'not calculated or not verified'),
        422: ok(ErrorSchema, 'the study cannot be written as a PACT v3.0 footprint (every problem in details)'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { user } = await writableStudy(c, deps, id);
      const published = await publishStudy(store, id, user);
      pact.catalog.invalidate();
      return reply(
        c,
        z.object({ id: z.string(), deprecated: z.array(z.string()), v2Problems: z.array(z.string()) }),
        published,
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/pact/footprints',
      tags: ['pact'],
      summary: "the company's published footprints",
      security: bearer,
      responses: { 200: ok(z.array(PublishedFootprintSchema), 'newest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = enterprise(c, 'action.read-published-footprints');
      const rows = (await listFootprintRows(store, user.companyId)).reverse();
      return reply(
        c,
        z.array(PublishedFootprintSchema),
        rows.map((r) => {
          const d = JSON.parse(r.v3);
          return {
            id: r.id,
            studyId: r.studyId,
            studyVersion: r.studyVersion,
            productIds: r.productIds,
            productName: d.productNameCompany,
            status: r.status,
            created: r.created,
            updated: r.updated,
            pcf: d.pcf.pcfExcludingBiogenicUptake,
            declaredUnit: `${d.pcf.declaredUnitAmount} ${d.pcf.declaredUnitOfMeasurement}`,
            v2: r.v2 !== null,
          };
        }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/pact/host',
      tags: ['pact'],
      summary: "this instance's PACT host: its URL and certificate, for partners",
      security: bearer,
      responses: { 200: ok(HostSchema, 'the host'), 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404] },
    }),
    async (c) => {
      enterprise(c, 'action.see-pact-host');
      if (!pact.host) throw notFound('thing.pact-host', {});
      return reply(c, HostSchema, {
        url: pact.host.url,
        events: pact.events.source['3.0'],
        certificate: pact.host.certificate,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/pact/connections',
      tags: ['pact'],
      summary: "the company's PACT partners",
      security: bearer,
      responses: { 200: ok(z.array(ConnectionSchema), 'oldest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = enterprise(c, 'action.manage-pact-partners');
      return reply(c, z.array(ConnectionSchema), (await listConnections(store, user.companyId)).map(connectionView));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/pact/connections',
      tags: ['pact'],
      summary:
        'add a partner: issues the client id and secret the partner uses at our /auth/token (the secret is shown once)',
      security: bearer,
      request: { body: json(ConnectionInputSchema) },
      responses: {
        201: ok(NewConnectionSchema, 'the connection and its secret'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        409: ok(ErrorSchema, 'the name is taken'),
      },
    }),
    async (c) => {
      const user = enterprise(c, 'action.manage-pact-partners');
      const input = c.req.valid('json');
      if (input.partnerUrl) await checkPartnerHost(input.partnerUrl);
      if ((await listConnections(store, user.companyId)).some((x) => x.name === input.name))
        throw new ApiError(409, 'conflict', coded('pact.partner-name-taken', { name: input.name }));
      const { clientId, clientSecret } = newClientCredentials();
      const created = await createConnection(store, {
        ...input,
        companyId: user.companyId,
        clientId,
        secretHash: sha256(clientSecret),
        createdBy: user.id,
      });
      return reply(c, NewConnectionSchema, { connection: connectionView(created), clientSecret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/pact/connections/{id}',
      tags: ['pact'],
      summary:
        "record the partner's host and the credentials it issued to us (used to pull footprints and to authenticate before answering its requests)",
      security: bearer,
      request: { params: IdParamSchema, body: json(PartnerUpdateSchema) },
      responses: {
        200: ok(ConnectionSchema, 'the connection as now recorded'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'the connection was revoked'),
      },
    }),
    async (c) => {
      const user = enterprise(c, 'action.manage-pact-partners');
      const { id } = c.req.valid('param');
      const found = await ownConnection(user, id);
      if (found.revokedAt)
        throw new ApiError(409, 'conflict', coded('pact.connection-revoked-edit', { connection: found.name }));
      const update = c.req.valid('json');
      if (update.partnerUrl) await checkPartnerHost(update.partnerUrl);
      return reply(
        c,
        ConnectionSchema,
        connectionView(await updatePartner(store, id, update, user.id, user.companyId)),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/pact/connections/{id}',
      tags: ['pact'],
      summary: "revoke a partner's access (its tokens stop working at once)",
      security: bearer,
      request: { params: IdParamSchema },
      responses: { 200: ok(ConnectionSchema, 'revoked'), 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404] },
    }),
    async (c) => {
      const user = enterprise(c, 'action.manage-pact-partners');
      const { id } = c.req.valid('param');
      await ownConnection(user, id);
      await revokeConnection(store, id, user.id, user.companyId);
      pact.tokens.forget(id);
      return reply(c, ConnectionSchema, connectionView((await getConnection(store, id))!));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/pact/pull',
      tags: ['pact'],
      summary:
        "fetch a supplier's footprints of a product: at once (sync) or by a RequestCreated event answered later (async)",
      security: bearer,
      request: {
        body: json(
          z.object({
            connectionId: codeText(),
            productId: z.string().max(TEXT_LIMITS.code).regex(/^urn:/i, 'a product URN'),
            spec: PactSpecSchema.default('3.0'),
            mode: z.enum(['sync', 'async']).default('sync'),
          }),
        ),
      },
      responses: {
        200: ok(
          z.object({ received: z.array(ReceivedFootprintSchema), requestEventId: z.string().optional() }),
          'what arrived, or the request sent',
        ),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        422: ok(ErrorSchema, 'the partner sent a document that is not valid PACT'),
        502: ok(ErrorSchema, 'the partner host failed'),
      },
    }),
    async (c) => {
      const user = enterprise(c, 'action.pull-supplier-footprints');
      const body = c.req.valid('json');
      const connection = await ownConnection(user, body.connectionId);
      const schema = z.object({ received: z.array(ReceivedFootprintSchema), requestEventId: z.string().optional() });
      try {
        if (body.mode === 'async')
          return reply(c, schema, {
            received: [],
            requestEventId: await pact.events.request(connection, body.spec, { productId: [body.productId] }),
          });
        return reply(c, schema, {
          received: (await pullFootprints(store, connection, body.productId, body.spec)).map(receivedView),
        });
      } catch (e) {
        if (e instanceof PactClientError) throw new ApiError(502, 'partner-failed', e.text);
        throw e;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/pact/received',
      tags: ['pact'],
      summary: "suppliers' footprints received, with their source",
      security: bearer,
      responses: { 200: ok(z.array(ReceivedFootprintSchema), 'newest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = enterprise(c, 'action.read-supplier-footprints');
      return reply(c, z.array(ReceivedFootprintSchema), (await listReceived(store, user.companyId)).map(receivedView));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/pact/events',
      tags: ['pact'],
      summary: 'PACT events exchanged with partners, newest first',
      security: bearer,
      responses: { 200: ok(z.array(PactEventRecordSchema), 'the last 100'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const user = enterprise(c, 'action.read-pact-events');
      return reply(c, z.array(PactEventRecordSchema), await listEvents(store, user.companyId));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/studies/{id}/entries/{entryId}/supplier-footprint',
      tags: ['pact'],
      summary: 'cost an entry with a received supplier footprint (primary data); saves a new study version',
      security: bearer,
      request: {
        params: z.object({ id: z.string(), entryId: z.string() }),
        body: json(z.object({ receivedId: codeText(), baseVersion: z.number().int().positive() })),
      },
      responses: {
        200: ok(StudySchema, 'the new version'),
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
        404: ERRORS[404],
        409: ok(ErrorSchema, 'stale version'),
      },
    }),
    async (c) => {
      const { id, entryId } = c.req.valid('param');
      const { user, head } = await writableStudy(c, deps, id);
      const { receivedId, baseVersion } = c.req.valid('json');
      const received = await getReceived(store, receivedId);
      if (!received || received.companyId !== user.companyId)
        throw notFound('thing.received-footprint', { id: receivedId });
      try {
        return reply(
          c,
          StudySchema,
          written(cache, await useInStudy(store, id, entryId, received, user.id, baseVersion), head),
        );
      } catch (e) {
        if (e instanceof StaleVersionError) throw new ApiError(409, 'stale-version', e.message, { latest: e.latest });
        throw e;
      }
    },
  );

  return app;
}
