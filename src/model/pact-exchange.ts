import { z } from 'zod';
import { TEXT_LIMITS } from './limits.ts';
import { CodedMessageSchema } from './message.ts';

/**
 * Tanji's side of PACT exchange: the partners a company trades footprints with, the footprints it
 * publishes, the events it exchanges and the suppliers' footprints it receives. The PACT documents
 * themselves are in pact.ts.
 */

export const PactSpecSchema = z.enum(['3.0', '2.3']);

export const ConnectionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** what the partner sends as its client id to our /auth/token */
    clientId: z.string(),
    /** product URNs the partner may see; empty: every footprint the company publishes */
    products: z.array(z.string()),
    /** the partner's own PACT host (https://…), to pull from it and answer its requests */
    partnerUrl: z.string().nullable(),
    partnerClientId: z.string().nullable(),
    hasPartnerSecret: z.boolean(),
    hasPartnerCa: z.boolean(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'PactConnection' });
export type Connection = z.infer<typeof ConnectionSchema>;

export const ConnectionInputSchema = z.object({
  name: z.string().trim().min(1).max(TEXT_LIMITS.name),
  products: z
    .array(z.string().max(TEXT_LIMITS.code).regex(/^urn:/i, 'a product id is a URN such as urn:tanji:product:…'))
    .max(1000)
    .default([]),
  partnerUrl: z
    .url({ protocol: /^https$/, error: 'the partner host must be an https:// URL' })
    .max(2000)
    .nullable()
    .default(null),
  partnerClientId: z.string().min(1).max(TEXT_LIMITS.code).nullable().default(null),
  partnerSecret: z.string().min(1).max(TEXT_LIMITS.code).nullable().default(null),
  partnerCa: z
    .string()
    .max(64_000)
    .includes('BEGIN CERTIFICATE', { error: 'a PEM certificate' })
    .nullable()
    .default(null),
});
export type ConnectionInput = z.infer<typeof ConnectionInputSchema>;

/**
 * What a company records of a partner's own host after the connection exists: its URL, and the
 * client id and secret the partner issued to us, which Tanji uses to pull footprints and to
 * authenticate before posting event answers (a conformance run hands these out). A field left
 * out stays as it is; null clears it.
 */
export const PartnerUpdateSchema = ConnectionInputSchema.pick({
  partnerUrl: true,
  partnerClientId: true,
  partnerSecret: true,
  partnerCa: true,
}).partial();
export type PartnerUpdate = z.infer<typeof PartnerUpdateSchema>;

/** A new connection with the secret, which is shown once and stored only as a hash. */
export const NewConnectionSchema = z.object({ connection: ConnectionSchema, clientSecret: z.string() });

export const PublishedFootprintSchema = z
  .object({
    id: z.string(),
    studyId: z.string().nullable(),
    studyVersion: z.number().nullable(),
    productIds: z.array(z.string()),
    productName: z.string(),
    status: z.enum(['Active', 'Deprecated']),
    created: z.string(),
    updated: z.string().nullable(),
    /** kg CO2e per declared unit, excluding biogenic uptake */
    pcf: z.string(),
    declaredUnit: z.string(),
    /** whether the footprint is also served in Tech Spec v2.3 */
    v2: z.boolean(),
  })
  .meta({ id: 'PublishedFootprint' });
export type PublishedFootprint = z.infer<typeof PublishedFootprintSchema>;

export const ReceivedFootprintSchema = z
  .object({
    id: z.string(),
    connection: z.string(),
    pfId: z.string(),
    spec: PactSpecSchema,
    productIds: z.array(z.string()),
    productName: z.string(),
    companyName: z.string(),
    pcf: z.string(),
    declaredUnit: z.string(),
    sourceUrl: z.string(),
    via: z.enum(['sync', 'async', 'published']),
    receivedAt: z.string(),
  })
  .meta({ id: 'ReceivedFootprint' });
export type ReceivedFootprint = z.infer<typeof ReceivedFootprintSchema>;

export const PactEventRecordSchema = z
  .object({
    id: z.number(),
    direction: z.enum(['in', 'out']),
    connection: z.string(),
    spec: PactSpecSchema,
    eventId: z.string(),
    type: z.string(),
    state: z.string(),
    error: z.string().nullable(),
    /** the same error as catalogue code and params, to show in the reader's language; null on older rows */
    codedError: CodedMessageSchema.nullable(),
    /** failed delivery attempts so far, and when the next one is due (null: nothing more to send) */
    attempts: z.number(),
    nextAttemptAt: z.string().nullable(),
    at: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PactEvent' });
export type PactEventRecord = z.infer<typeof PactEventRecordSchema>;

export const VerificationSchema = z
  .object({
    version: z.number(),
    resultHash: z.string().nullable(),
    computedAt: z.string(),
    verifier: z.string(),
    statement: z.string(),
    at: z.string(),
  })
  .meta({ id: 'Verification' });
export type Verification = z.infer<typeof VerificationSchema>;
