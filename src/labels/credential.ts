import {
  CREDENTIAL_CONTEXT,
  CREDENTIAL_TYPE,
  REVOCATION_TYPE,
  type Credential,
  type GradeStatement,
  type UnsignedCredential,
  UnsignedCredentialSchema,
} from '../model/credential.ts';
import type { Study, StudyResult } from '../model/study.ts';
import { addProof, type Signer } from './proof.ts';
import type { Conformance, DeclaredFootprint } from './conformance.ts';

/**
 * The verifier's attestation as a W3C Verifiable Credential: exactly one study version, its
 * result (by the SHA-256 of the stored result's canonical JSON), the PCR and its conformance
 * check, the releases, and the grade with its benchmark; then signed with the verifier
 * organisation's key (eddsa-jcs-2022).
 */

export const STANDARD = 'ISO 14067:2018 / GB/T 24067-2024';

export interface CredentialInput {
  study: Study;
  result: StudyResult;
  resultHash: string;
  company: { id: string; name: string };
  conformance: Conformance;
  declared: DeclaredFootprint;
  grade: GradeStatement | null;
  issuer: { did: string; name: string };
  verifierName: string;
  statement: string;
  validFrom: string;
  validUntil: string;
  /** the public address of the web app (TANJI_PUBLIC_URL, else the request's origin) */
  publicBase: string;
  /** a new label's id; a fresh UUID by default */
  id?: string;
}

export const verificationPageOf = (publicBase: string, labelId: string) =>
  `${publicBase.replace(/\/+$/, '')}/#/verify/${labelId}`;
export const revocationListUrl = (publicBase: string, did: string) =>
  `${publicBase.replace(/\/+$/, '')}/api/registry/revocations/${encodeURIComponent(did)}`;

export function buildCredential(i: CredentialInput): UnsignedCredential {
  const id = i.id ?? globalThis.crypto.randomUUID();
  const { study, result } = i;
  return {
    '@context': [CREDENTIAL_CONTEXT],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', CREDENTIAL_TYPE],
    issuer: { id: i.issuer.did, name: i.issuer.name },
    validFrom: i.validFrom,
    validUntil: i.validUntil,
    credentialStatus: {
      id: `${revocationListUrl(i.publicBase, i.issuer.did)}#${id}`,
      type: REVOCATION_TYPE,
      revocationList: revocationListUrl(i.publicBase, i.issuer.did),
    },
    credentialSubject: {
      id: `urn:tanji:label:${id}`,
      type: 'ProductCarbonFootprint',
      product: {
        name: study.product.name,
        description: study.product.description,
        ...(study.product.classification ? { classification: study.product.classification } : {}),
        region: study.region,
        company: i.company,
      },
      study: {
        id: study.id,
        version: study.version,
        name: study.name,
        boundary: study.boundary,
        referenceFlow: study.referenceFlow,
        year: study.year,
        cutoff: study.cutoff,
        limitations: study.limitations,
        entries: study.entries.length,
      },
      footprint: {
        value: i.declared.value,
        unit: 'kg CO2e',
        declaredUnit: i.declared.declaredUnit,
        removals: i.declared.removals,
        lines: i.declared.lines,
        byStage: i.declared.byStage,
      },
      result: {
        hash: i.resultHash,
        computedAt: result.computedAt,
        method: result.method,
        gwpSet: result.gwpSet,
        releases: result.releases,
        primaryDataShare: result.primaryDataShare,
        dqr: result.dqr,
      },
      standard: STANDARD,
      pcr: {
        id: i.conformance.pcr.id,
        version: i.conformance.pcr.version,
        title: i.conformance.pcr.title,
        conforms: i.conformance.conforms,
        findings: i.conformance.findings,
      },
      grade: i.grade,
      verification: { verifier: i.verifierName, statement: i.statement },
      verificationPage: verificationPageOf(i.publicBase, id),
    },
  };
}

export async function signCredential(unsigned: UnsignedCredential, signer: Signer, at: string): Promise<Credential> {
  if (unsigned.issuer.id !== signer.did)
    throw new Error(`the credential names ${unsigned.issuer.id} as issuer but ${signer.did} signs it`);
  // signed exactly as the schema keeps it, so a credential read back through the schema is byte for byte what was signed
  return addProof(UnsignedCredentialSchema.parse(unsigned) as UnsignedCredential, signer, at);
}

export async function signRevocationList(
  revoked: { id: string; at: string; reason: string }[],
  signer: Signer,
  at: string,
) {
  return addProof(
    {
      '@context': [CREDENTIAL_CONTEXT] as [typeof CREDENTIAL_CONTEXT],
      type: REVOCATION_TYPE as typeof REVOCATION_TYPE,
      issuer: signer.did,
      issued: at,
      revoked,
    },
    signer,
    at,
  );
}
