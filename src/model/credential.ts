import { z } from 'zod';

/**
 * Disclosure anyone can check: category benchmarks and grades, the verifier's signed attestation
 * (a W3C Verifiable Credential 2.0 secured with a Data Integrity proof, cryptosuite
 * eddsa-jcs-2022: Ed25519 over RFC 8785 canonical JSON), revocation lists signed by the same
 * verifier keys, and the registry's append-only log with its signed head. Every document here is
 * plain JSON so that tools outside Tanji can check it with the published specifications.
 */

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export const GradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof GradeSchema>;

const Text = z.object({ zh: z.string().min(1).max(500), en: z.string().min(1).max(500) });
const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

/**
 * Where a benchmark's numbers come from: a co-construction aggregate, a published industry
 * figure, or the labelled products of the registry. `values` are the figures themselves (kg CO2e
 * per declared unit), so anyone can recompute the grade thresholds from them.
 */
export const BenchmarkDistributionSchema = z
  .object({
    kind: z.enum(['aggregate', 'published', 'registry']),
    /** the publication, the aggregate or the registry query, in words a reader can follow */
    source: z.string().trim().min(1).max(1000),
    url: z.url().max(1000).optional(),
    /** year the figures represent */
    year: z.number().int().min(1990).max(2100).optional(),
    /** for kind registry, filled from the registry's active labels when published */
    values: z.array(z.number().finite().nonnegative()).max(10_000),
    /** false: the figures were not confirmed against the source (a news report, an illustration) */
    verified: z.boolean(),
    note: z.string().max(2000).optional(),
  })
  .refine((d) => d.kind === 'registry' || d.values.length > 0, {
    message: 'a benchmark needs the figures of its distribution',
    path: ['values'],
  });
export type BenchmarkDistribution = z.infer<typeof BenchmarkDistributionSchema>;

/**
 * The class bounds A|B, B|C, C|D, D|E. `value`: upper bounds in kg CO2e per declared unit.
 * `percentile`: percentiles (0–100) of the distribution's values, turned into value bounds by
 * linear interpolation between order statistics (numpy's default, Hyndman–Fan type 7).
 */
export const GradingRuleSchema = z.discriminatedUnion('basis', [
  z.object({
    basis: z.literal('value'),
    bounds: z.array(z.number().finite().nonnegative()).length(4).refine(increasing, 'bounds must increase'),
  }),
  z.object({
    basis: z.literal('percentile'),
    percentiles: z.array(z.number().gt(0).lt(100)).length(4).refine(increasing, 'percentiles must increase'),
  }),
]);
export type GradingRule = z.infer<typeof GradingRuleSchema>;

/** What a steward publishes; the server adds version, publisher and date. */
export const BenchmarkInputSchema = z.object({
  /** the product category: a PCR id, or a category key of the steward's */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'an id is lower case letters, digits and -'),
  title: Text,
  /** the PCR the benchmark grades, when there is one */
  pcr: z.string().max(100).optional(),
  /** e.g. "kg" (kg CO2e per kg of product), "kWh" */
  declaredUnit: z.string().trim().min(1).max(32),
  distribution: BenchmarkDistributionSchema,
  grading: GradingRuleSchema,
  note: z.string().max(2000).optional(),
});
export type BenchmarkInput = z.infer<typeof BenchmarkInputSchema>;

export const BenchmarkSchema = BenchmarkInputSchema.extend({
  version: z.number().int().positive(),
  publishedAt: z.string(),
  publishedBy: z.string(),
});
export type Benchmark = z.infer<typeof BenchmarkSchema>;

/** The grade as the credential states it: enough to recompute it without asking anyone. */
export const GradeStatementSchema = z.object({
  grade: GradeSchema,
  benchmark: z.object({
    id: z.string(),
    version: z.number().int(),
    /** SHA-256 (hex) of the benchmark's canonical JSON */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    title: Text,
    basis: z.enum(['value', 'percentile']),
    /** value bounds A|B … D|E in kg CO2e per declared unit, as used */
    bounds: z.array(z.number()).length(4),
    source: z.string(),
    verified: z.boolean(),
  }),
});
export type GradeStatement = z.infer<typeof GradeStatementSchema>;

export const StageValueSchema = z.object({ stage: z.string(), name: Text, value: z.number() });

/** A finding of the conformance check, as disclosed. */
export const ConformanceFindingSchema = z.object({
  requirement: z.string(),
  status: z.enum(['ok', 'missing', 'warning']),
  mandatory: z.boolean(),
  message: z.string(),
});

/** What the verifier attests: product, study version, result, PCR and its check, releases, grade. */
export const CredentialSubjectSchema = z.object({
  /** the label: urn:tanji:label:<uuid> */
  id: z.string(),
  type: z.literal('ProductCarbonFootprint'),
  product: z.object({
    name: z.string(),
    description: z.string(),
    classification: z.string().optional(),
    /** province or country code where it is made */
    region: z.string(),
    company: z.object({ id: z.string(), name: z.string() }),
  }),
  study: z.object({
    id: z.string(),
    version: z.number().int(),
    name: z.string(),
    boundary: z.string(),
    referenceFlow: z.string(),
    year: z.number().int(),
    cutoff: z.string(),
    limitations: z.string(),
    entries: z.number().int(),
  }),
  /** the declared result: kg CO2e per declared unit, removals apart */
  footprint: z.object({
    value: z.number(),
    unit: z.literal('kg CO2e'),
    declaredUnit: z.object({ amount: z.number(), unit: z.string(), description: z.string() }),
    removals: z.number(),
    lines: z.object({
      fossil: z.number(),
      biogenic: z.number(),
      landUseChange: z.number(),
      aircraft: z.number(),
      biogenicRemovals: z.number(),
    }),
    byStage: z.array(StageValueSchema),
  }),
  result: z.object({
    /** SHA-256 (hex) of the stored result's canonical JSON: names exactly the result verified */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    computedAt: z.string(),
    method: z.string(),
    gwpSet: z.string(),
    releases: z.object({ lci: z.string(), factors: z.string() }),
    primaryDataShare: z.number(),
    dqr: z.number(),
  }),
  standard: z.string(),
  pcr: z.object({
    id: z.string(),
    version: z.string(),
    title: Text,
    conforms: z.boolean(),
    findings: z.array(ConformanceFindingSchema),
  }),
  grade: GradeStatementSchema.nullable(),
  verification: z.object({ verifier: z.string(), statement: z.string() }),
  /** the public page where anyone checks the label */
  verificationPage: z.string(),
});
export type CredentialSubject = z.infer<typeof CredentialSubjectSchema>;

/** A Data Integrity proof, cryptosuite eddsa-jcs-2022 (W3C Data Integrity EdDSA Cryptosuites v1.0). */
export const ProofSchema = z.object({
  type: z.literal('DataIntegrityProof'),
  cryptosuite: z.literal('eddsa-jcs-2022'),
  created: z.string(),
  /** did:key:z6Mk…#z6Mk…: the Ed25519 public key itself */
  verificationMethod: z.string().regex(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+#z6Mk[1-9A-HJ-NP-Za-km-z]+$/),
  proofPurpose: z.literal('assertionMethod'),
  /** base58btc multibase of the 64-byte signature */
  proofValue: z.string().regex(/^z[1-9A-HJ-NP-Za-km-z]+$/),
});
export type Proof = z.infer<typeof ProofSchema>;

export const CREDENTIAL_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const CREDENTIAL_TYPE = 'ProductCarbonFootprintCredential';
export const REVOCATION_TYPE = 'TanjiRevocationList';

export const UnsignedCredentialSchema = z.object({
  '@context': z.tuple([z.literal(CREDENTIAL_CONTEXT)]),
  id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/),
  type: z.tuple([z.literal('VerifiableCredential'), z.literal(CREDENTIAL_TYPE)]),
  issuer: z.object({ id: z.string().startsWith('did:key:'), name: z.string() }),
  validFrom: z.string(),
  validUntil: z.string(),
  credentialStatus: z.object({ id: z.string(), type: z.literal(REVOCATION_TYPE), revocationList: z.string() }),
  credentialSubject: CredentialSubjectSchema,
});
export type UnsignedCredential = z.infer<typeof UnsignedCredentialSchema>;

export const CredentialSchema = UnsignedCredentialSchema.extend({ proof: ProofSchema });
export type Credential = z.infer<typeof CredentialSchema>;

/** Signed by the verifier key that issued the credentials it lists. */
export const RevocationListSchema = z.object({
  '@context': z.tuple([z.literal(CREDENTIAL_CONTEXT)]),
  type: z.literal(REVOCATION_TYPE),
  issuer: z.string().startsWith('did:key:'),
  issued: z.string(),
  revoked: z.array(z.object({ id: z.string(), at: z.string(), reason: z.string() })),
  proof: ProofSchema,
});
export type RevocationList = z.infer<typeof RevocationListSchema>;

/**
 * One entry of the registry's append-only log. `prev` is the hash of the entry before (64 zeros
 * for the first); an entry's hash is SHA-256 of its canonical JSON, so rewriting any entry changes
 * every hash after it and the signed head no longer matches.
 */
export const RegistryEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  event: z.enum(['issued', 'superseded', 'revoked']),
  label: z.string(),
  /** SHA-256 of the credential's canonical JSON (issued), or the reason (revoked) */
  credentialHash: z.string().optional(),
  reason: z.string().optional(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
});
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

export const LogHeadSchema = z.object({
  type: z.literal('TanjiRegistryHead'),
  issuer: z.string().startsWith('did:key:'),
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  proof: ProofSchema,
});
export type LogHead = z.infer<typeof LogHeadSchema>;

/** A verifier organisation's public key as published. */
export const PublicKeySchema = z.object({
  did: z.string().startsWith('did:key:'),
  organisation: z.string(),
  /** 'verifier' keys sign credentials and revocation lists; the 'registry' key signs the log head */
  purpose: z.enum(['verifier', 'registry']),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export type PublicKey = z.infer<typeof PublicKeySchema>;

/** Everything an offline check needs besides the label: keys, revocation lists, benchmarks, the log head. */
export const TrustBundleSchema = z.object({
  type: z.literal('TanjiTrustBundle'),
  registry: z.string(),
  issued: z.string(),
  keys: z.array(PublicKeySchema),
  revocationLists: z.array(RevocationListSchema),
  benchmarks: z.array(BenchmarkSchema),
  head: LogHeadSchema.nullable(),
});
export type TrustBundle = z.infer<typeof TrustBundleSchema>;

export const LabelStatusSchema = z.enum(['active', 'superseded', 'revoked']);
export type LabelStatus = z.infer<typeof LabelStatusSchema>;

/** A labelled product as the public registry lists it. */
export const RegistryItemSchema = z
  .object({
    id: z.string(),
    product: z.string(),
    company: z.string(),
    category: z.string().nullable(),
    pcr: z.string(),
    region: z.string(),
    grade: GradeSchema.nullable(),
    value: z.number(),
    declaredUnit: z.string(),
    verifier: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
    status: LabelStatusSchema,
    statusReason: z.string().nullable(),
    supersededBy: z.string().nullable(),
  })
  .meta({ id: 'RegistryItem' });
export type RegistryItem = z.infer<typeof RegistryItemSchema>;

/** A practitioner's request that a verifier check and sign one study version. */
export const VerificationRequestSchema = z
  .object({
    id: z.string(),
    studyId: z.string(),
    studyName: z.string(),
    version: z.number(),
    companyId: z.string(),
    companyName: z.string(),
    requestedBy: z.string(),
    verifierId: z.string(),
    verifier: z.string(),
    benchmark: z.string().nullable(),
    message: z.string(),
    state: z.enum(['open', 'signed', 'declined']),
    labelId: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'VerificationRequest' });
export type VerificationRequest = z.infer<typeof VerificationRequestSchema>;
