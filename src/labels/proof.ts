import { canonicalJson } from '../model/canonical-json.ts';
import { base58btc, didOf, fromBase58btc, publicKeyOf, verificationMethodOf } from './multibase.ts';
import { sha256, utf8 } from './digest.ts';
import type { Proof } from '../model/credential.ts';

/**
 * Data Integrity proofs with the cryptosuite eddsa-jcs-2022 (W3C Data Integrity EdDSA
 * Cryptosuites v1.0, section 3.3): the signed bytes are SHA-256 of the canonical proof
 * configuration followed by SHA-256 of the canonical document without its proof, and the
 * signature is Ed25519. Canonical means RFC 8785 (JCS), so any change to any value, or a key
 * added or removed, changes what was signed; white space and key order do not. Only WebCrypto,
 * so the same check runs in Node (CLI, server) and in the browser (the verify page).
 */

/** Who signs: the did:key of the public key, and the Ed25519 signature of bytes. */
export interface Signer {
  did: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

type Unsigned = Record<string, unknown>;
type ProofOptions = Omit<Proof, 'proofValue'>;

async function hashData(document: Unsigned, options: ProofOptions): Promise<Uint8Array> {
  // the proof configuration carries the document's @context (section 3.3.5), so neither can be swapped alone
  const config = document['@context'] === undefined ? options : { ...options, '@context': document['@context'] };
  const [configHash, documentHash] = await Promise.all([
    sha256(utf8(canonicalJson(config))),
    sha256(utf8(canonicalJson(document))),
  ]);
  return Uint8Array.from([...configHash, ...documentHash]);
}

export async function addProof<T extends Unsigned>(
  document: T,
  signer: Signer,
  created: string,
): Promise<T & { proof: Proof }> {
  const options: ProofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created,
    verificationMethod: verificationMethodOf(signer.did),
    proofPurpose: 'assertionMethod',
  };
  const signature = await signer.sign(await hashData(document, options));
  return { ...document, proof: { ...options, proofValue: `z${base58btc(signature)}` } };
}

export type ProofCheck = { valid: true; did: string } | { valid: false; did: string | null; reason: string };

/** Checks a document's proof against the key its verification method names; says why it fails. */
export async function checkProof(secured: Unsigned & { proof?: unknown }): Promise<ProofCheck> {
  const { proof, ...document } = secured;
  if (!proof || typeof proof !== 'object') return { valid: false, did: null, reason: 'the document has no proof' };
  const { proofValue, '@context': context, ...options } = proof as Proof & { '@context'?: unknown };
  if (options.type !== 'DataIntegrityProof' || options.cryptosuite !== 'eddsa-jcs-2022')
    return {
      valid: false,
      did: null,
      reason: `unknown proof type ${String(options.type)}/${String(options.cryptosuite)}`,
    };
  let publicKey: Uint8Array;
  let did: string;
  try {
    did = didOf(options.verificationMethod);
    publicKey = publicKeyOf(options.verificationMethod);
  } catch (e) {
    return { valid: false, did: null, reason: (e as Error).message };
  }
  if (context !== undefined && canonicalJson(context) !== canonicalJson(document['@context']))
    return { valid: false, did, reason: "the proof's @context is not the document's" };
  let signature: Uint8Array;
  try {
    if (typeof proofValue !== 'string' || !proofValue.startsWith('z'))
      throw new Error('the proof value is not base58btc multibase');
    signature = fromBase58btc(proofValue.slice(1));
  } catch (e) {
    return { valid: false, did, reason: (e as Error).message };
  }
  if (signature.length !== 64)
    return { valid: false, did, reason: `an Ed25519 signature has 64 bytes, this one ${signature.length}` };
  const key = await globalThis.crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, [
    'verify',
  ]);
  const ok = await globalThis.crypto.subtle.verify(
    'Ed25519',
    key,
    signature as BufferSource,
    (await hashData(document, options)) as BufferSource,
  );
  return ok
    ? { valid: true, did }
    : {
        valid: false,
        did,
        reason: 'the signature does not match the document: it was changed after signing, or signed by another key',
      };
}
